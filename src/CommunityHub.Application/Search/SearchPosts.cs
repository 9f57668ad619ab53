using System.Globalization;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Application.Common.Validation;
using CommunityHub.Domain.Threads;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Search;

/// <summary>Search the community: ranked posts with highlighted snippets, optionally in one space or by one author,
/// a page at a time. Staff notes, hidden and deleted posts never appear for someone who may not see them.</summary>
public static class SearchPosts
{
    public const int PageSize = 20;
    public const int MaxPage = 50;
    public const int MaxQueryLength = 200;
    public const string Solved = "solved";
    public const string Unsolved = "unsolved";

    /// <param name="Status"><c>solved</c> or <c>unsolved</c> threads only; anything else is no filter.</param>
    /// <param name="From">The first day (UTC) of posts to find, as yyyy-MM-dd; anything else is no filter.</param>
    /// <param name="To">The last day (UTC) of posts to find, as yyyy-MM-dd; anything else is no filter.</param>
    public sealed record Query(string? Q, string? Space = null, string? Author = null, int Page = 1, string? Status = null, string? From = null, string? To = null) : IRequest<ResultPage>;

    public sealed record ResultPage(
        string? Q,
        string? Space,
        string? Author,
        string? Status,
        DateOnly? From,
        DateOnly? To,
        int Page,
        IReadOnlyList<Result> Results,
        bool HasNext,
        IReadOnlyList<SpaceOption> Spaces);

    /// <param name="SnippetHtml">Escaped text with the matches in <c>&lt;mark&gt;</c>: safe to put on a page as it is.</param>
    public sealed record Result(long PostId, long ThreadId, string ThreadTitle, string SpaceSlug, string SpaceName, string AuthorName, DateTimeOffset CreatedAt, bool IsOpeningPost, string SnippetHtml)
    {
        /// <summary>Votes and status, when the thread is an idea.</summary>
        public IdeaSummary? Idea { get; init; }
    }

    public sealed record SpaceOption(string Slug, string Name);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Q).StorableText().MaximumLength(MaxQueryLength).WithMessage($"Search for at most {MaxQueryLength} characters.");
            RuleFor(q => q.Author).StorableText().MaximumLength(50).WithMessage("That author name is too long.");
            RuleFor(q => q.Page).InclusiveBetween(1, MaxPage).WithMessage($"Pages go from 1 to {MaxPage}; narrow the search instead.");
        }
    }

    public sealed class Handler(ICommunityDb db, IPostSearch search, ICurrentUser currentUser) : IRequestHandler<Query, ResultPage>
    {
        public async Task<ResultPage> Handle(Query request, CancellationToken cancellationToken)
        {
            var spaces = await db.Spaces.AsNoTracking().Where(ConversationPolicy.SpaceOpenTo(currentUser.Viewer())).OrderBy(s => s.Position).Select(s => new { s.Id, s.Slug, s.Name }).ToListAsync(cancellationToken);
            var options = spaces.Select(s => new SpaceOption(s.Slug, s.Name)).ToList();
            var text = request.Q?.Trim();
            var space = string.IsNullOrWhiteSpace(request.Space) ? null : spaces.Find(s => s.Slug == request.Space);
            var status = request.Status is Solved or Unsolved ? request.Status : null;
            var (from, to) = (Day(request.From), Day(request.To));
            if (string.IsNullOrEmpty(text))
            {
                return new ResultPage(request.Q, space?.Slug, request.Author, status, from, to, 1, [], false, options);
            }

            var author = string.IsNullOrWhiteSpace(request.Author) ? null : request.Author.Trim();
            var hits = await search.SearchAsync(
                new SearchRequest(
                    text,
                    space?.Id ?? (request.Space is { Length: > 0 } ? -1 : null),
                    author,
                    (request.Page - 1) * PageSize,
                    PageSize + 1,
                    status is null ? null : status == Solved,
                    from is { } first ? new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
                    to is { } last ? new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null),
                currentUser.Viewer(),
                cancellationToken);
            var results = hits.Take(PageSize)
                .Select(h => new Result(h.PostId, h.ThreadId, h.ThreadTitle, h.SpaceSlug, h.SpaceName, h.AuthorName, h.CreatedAt, h.IsOpeningPost, Snippets.ToSafeHtml(h.Snippet)) { Idea = h.Idea })
                .ToList();
            return new ResultPage(text, space?.Slug ?? request.Space, author, status, from, to, request.Page, results, hits.Count > PageSize, options);
        }

        private static DateOnly? Day(string? text) =>
            DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }
}
