using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Threads;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Paging;
using CommunityHub.Domain.Members;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Spaces;

/// <summary>A space's page: its purpose and one keyset page of its threads, pinned first, then by latest activity.</summary>
public static class GetSpace
{
    /// <param name="CompanyOnly">Only threads where staff or an executive replied or started them (not counting staff notes).</param>
    public sealed record Query(string Slug, string? After = null, bool CompanyOnly = false) : IRequest<SpacePage>;

    public sealed record SpacePage(int Id, string Name, string Slug, string Purpose, int ThreadCount, IReadOnlyList<ThreadRow> Threads, string? NextCursor, bool IsFirstPage, bool CompanyOnly = false, bool IsWatched = false)
    {
        /// <summary>The groups the space is restricted to; empty for a space open to everyone.</summary>
        public IReadOnlyList<string> PrivateTo { get; init; } = [];

        /// <summary>An Ideas space: its page is the list of ideas.</summary>
        public bool IsIdeas { get; init; }
    }

    public sealed record ThreadRow(
        long Id,
        string Title,
        bool IsPinned,
        string AuthorName,
        DateTimeOffset CreatedAt,
        int ReplyCount,
        DateTimeOffset LastActivityAt,
        string LastPosterName,
        bool IsSolved,
        bool IsLocked = false,
        bool IsClosed = false,
        bool HasOfficialAnswer = false,
        bool CompanyTookPart = false,
        bool HasUnread = false);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() =>
            RuleFor(q => q.After)
                .Must(after => after is null || ThreadCursor.TryParse(after, out _))
                .WithMessage("That page link is not valid.");
    }

    public sealed class Handler(ICommunityDb db, IOptions<CommunityOptions> options, ICurrentUser currentUser) : IRequestHandler<Query, SpacePage>
    {
        public async Task<SpacePage> Handle(Query request, CancellationToken cancellationToken)
        {
            var me = currentUser.MemberId;
            var space = await db.Spaces.AsNoTracking()
                .Where(s => s.Slug == request.Slug)
                .Where(ConversationPolicy.SpaceOpenTo(currentUser.Viewer()))
                .Select(s => new
                {
                    s.Id, s.Name, s.Slug, s.Purpose, s.ThreadCount, s.IsIdeas,
                    IsWatched = db.SpaceWatches.Any(w => w.MemberId == me && w.SpaceId == s.Id),
                    PrivateTo = s.Access.OrderBy(a => a.Group!.Name).Select(a => a.Group!.Name).ToList(),
                })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Space", request.Slug);

            var threads = db.Threads.AsNoTracking().Where(t => t.SpaceId == space.Id);
            if (ThreadCursor.TryParse(request.After, out var after))
            {
                // Strictly after (pinned, lastActivity, id) in descending order; index threads(space_id, is_pinned, last_activity_at, id).
                threads = threads.Where(t =>
                    (after.Pinned && !t.IsPinned)
                    || (t.IsPinned == after.Pinned
                        && (t.LastActivityAt < after.LastActivityAt
                            || (t.LastActivityAt == after.LastActivityAt && t.Id < after.ThreadId))));
            }

            // Posts members can read, by someone with a Staff or Executive badge.
            var companyPosts = db.Posts.Where(ConversationPolicy.Listed<Post>(Viewer.Anonymous)).Where(p => db.Members.Any(m => m.Id == p.AuthorId && m.Badge != MemberBadge.None));
            if (request.CompanyOnly)
            {
                threads = threads.Where(t => companyPosts.Any(p => p.ThreadId == t.Id));
            }

            var pageSize = options.Value.ThreadsPerPage;
            var rows = await (
                    from t in threads
                    join author in db.Members on t.AuthorId equals author.Id
                    join last in db.Members on t.LastPosterId equals last.Id
                    orderby t.IsPinned descending, t.LastActivityAt descending, t.Id descending
                    select new ThreadRow(
                        t.Id, t.Title, t.IsPinned, author.DisplayName, t.CreatedAt, t.ReplyCount, t.LastActivityAt, last.DisplayName,
                        t.AcceptedAnswerPostId != null, t.IsLocked, t.IsClosed, t.OfficialAnswerPostId != null, companyPosts.Any(p => p.ThreadId == t.Id),
                        // Unread: visited before, and someone else has posted since (same statement; posts(thread_id, id) answers it).
                        db.ThreadReadMarks.Any(r => r.MemberId == me && r.ThreadId == t.Id && db.Posts.Any(p => p.ThreadId == t.Id && p.Id > r.LastReadPostId && p.AuthorId != me))))
                .Take(pageSize + 1)
                .ToListAsync(cancellationToken);

            string? next = null;
            if (rows.Count > pageSize)
            {
                rows.RemoveAt(pageSize);
                var tail = rows[^1];
                next = new ThreadCursor(tail.IsPinned, tail.LastActivityAt, tail.Id).ToString();
            }

            return new SpacePage(space.Id, space.Name, space.Slug, space.Purpose, space.ThreadCount, rows, next, request.After is null, request.CompanyOnly, space.IsWatched) { PrivateTo = space.PrivateTo, IsIdeas = space.IsIdeas };
        }
    }
}
