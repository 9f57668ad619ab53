using System.Globalization;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Application.Common.Validation;
using CommunityHub.Domain.Threads;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Search;

/// <summary>Search the community: threads ranked by their best-matching post, each once, with its best few posts'
/// highlighted snippets under it; optionally in one space, with one tag or by one author, a page of threads at a time.
/// Staff notes, hidden and deleted posts never appear for someone who may not see them.</summary>
public static class SearchPosts
{
    public const int PageSize = 20;
    public const int PostsPerThread = 3;
    public const int MaxPage = 50;
    public const int MaxQueryLength = 200;
    public const string Solved = "solved";
    public const string Unsolved = "unsolved";

    /// <param name="Status"><c>solved</c> or <c>unsolved</c> threads only; anything else is no filter.</param>
    /// <param name="From">The first day (UTC) of posts to find, as yyyy-MM-dd; anything else is no filter.</param>
    /// <param name="To">The last day (UTC) of posts to find, as yyyy-MM-dd; anything else is no filter.</param>
    /// <param name="Tag">A tag's name: only threads carrying it. An unknown tag is no filter (the page says so).</param>
    public sealed record Query(string? Q, string? Space = null, string? Author = null, int Page = 1, string? Status = null, string? From = null, string? To = null, string? Tag = null) : IRequest<ResultPage>;

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
        IReadOnlyList<SpaceOption> Spaces)
    {
        public string? Tag { get; init; }

        /// <summary>The tag asked for when there is no such tag (for the viewer): the search ignored it.</summary>
        public string? UnknownTag { get; init; }

        public IReadOnlyList<TagOption> Tags { get; init; } = [];

        /// <summary>Whether any filter narrows the search.</summary>
        public bool IsFiltered => Space is not null || Author is not null || Status is not null || From is not null || To is not null || Tag is not null;
    }

    /// <summary>A thread found, with its best-matching posts.</summary>
    /// <param name="MatchCount">How many of its posts match (<see cref="Posts"/> are the best few).</param>
    public sealed record Result(long ThreadId, string ThreadTitle, string SpaceSlug, string SpaceName, bool IsSolved, int MatchCount, IReadOnlyList<PostResult> Posts)
    {
        /// <summary>Votes and status, when the thread is an idea.</summary>
        public IdeaSummary? Idea { get; init; }
    }

    /// <param name="SnippetHtml">Escaped text with the matches in <c>&lt;mark&gt;</c>: safe to put on a page as it is.</param>
    public sealed record PostResult(long PostId, string AuthorName, DateTimeOffset CreatedAt, bool IsOpeningPost, string SnippetHtml);

    public sealed record SpaceOption(string Slug, string Name);

    public sealed record TagOption(string Name);

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
            var viewer = currentUser.Viewer();
            var spaces = await db.Spaces.AsNoTracking().Where(ConversationPolicy.SpaceOpenTo(viewer)).OrderBy(s => s.Position).Select(s => new { s.Id, s.Slug, s.Name }).ToListAsync(cancellationToken);
            var options = spaces.Select(s => new SpaceOption(s.Slug, s.Name)).ToList();
            // The tags the viewer can meet: those on a thread they may open (a tag only used in a restricted space does
            // not exist for someone outside it).
            var openThreads = db.Threads.Where(ConversationPolicy.ThreadOpenTo(viewer));
            var tags = await db.Tags.AsNoTracking()
                .Where(t => db.ThreadTags.Any(tt => tt.TagId == t.Id && openThreads.Any(th => th.Id == tt.ThreadId)))
                .OrderBy(t => t.Name)
                .Select(t => new { t.Id, t.Name })
                .ToListAsync(cancellationToken);
            var tagOptions = tags.Select(t => new TagOption(t.Name)).ToList();
            var text = request.Q?.Trim();
            var space = string.IsNullOrWhiteSpace(request.Space) ? null : spaces.Find(s => s.Slug == request.Space);
            var typedTag = string.IsNullOrWhiteSpace(request.Tag) ? null : Domain.Tags.Tag.Normalise(request.Tag);
            var tag = typedTag is null ? null : tags.Find(t => t.Name == typedTag);
            var unknownTag = typedTag is not null && tag is null ? request.Tag!.Trim() : null;
            var status = request.Status is Solved or Unsolved ? request.Status : null;
            var (from, to) = (Day(request.From), Day(request.To));
            if (string.IsNullOrEmpty(text))
            {
                return new ResultPage(request.Q, space?.Slug, request.Author, status, from, to, 1, [], false, options) { Tag = tag?.Name, UnknownTag = unknownTag, Tags = tagOptions };
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
                    to is { } last ? new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
                    tag?.Id) { PostsPerThread = PostsPerThread },
                viewer,
                cancellationToken);
            var results = hits.Take(PageSize)
                .Select(h => new Result(
                    h.ThreadId,
                    h.ThreadTitle,
                    h.SpaceSlug,
                    h.SpaceName,
                    h.IsSolved,
                    h.MatchCount,
                    [.. h.Posts.Select(p => new PostResult(p.PostId, p.AuthorName, p.CreatedAt, p.IsOpeningPost, Snippets.ToSafeHtml(p.Snippet)))]) { Idea = h.Idea })
                .ToList();
            return new ResultPage(text, space?.Slug ?? request.Space, author, status, from, to, request.Page, results, hits.Count > PageSize, options) { Tag = tag?.Name, UnknownTag = unknownTag, Tags = tagOptions };
        }

        private static DateOnly? Day(string? text) =>
            DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }
}
