using System.Globalization;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Ideas;
using CommunityHub.Domain.Threads;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Ideas;

/// <summary>An Ideas space's list: its ideas by votes, by trending (votes of the last 30 days) or newest first,
/// optionally of one status, one keyset page at a time. Merged duplicates are left out (they point to their original).</summary>
public static class ListIdeas
{
    /// <param name="Sort">"top" (most votes), "trending" or "new"; anything else is "top".</param>
    /// <param name="Status">A status's name in links ("planned"); an unknown one is ignored.</param>
    /// <param name="After">The page's cursor: "votes.threadId" (top, trending) or "threadId" (new); a malformed one starts over.</param>
    public sealed record Query(string Slug, string? Sort = null, string? Status = null, string? After = null) : IRequest<IdeasPage>;

    public sealed record IdeasPage(int SpaceId, string Name, string Slug, string Purpose, IReadOnlyList<string> PrivateTo, IdeaSort Sort, IdeaStatus? Status, IReadOnlyList<IdeaRow> Ideas, string? NextCursor, bool IsFirstPage, bool SignedIn)
    {
        /// <summary>Signed in and neither suspended nor banned: the list offers its Vote buttons (Idea.Vote refuses the others).</summary>
        public bool CanVote { get; init; }
    }

    public sealed record IdeaRow(long ThreadId, string Title, string AuthorName, DateTimeOffset CreatedAt, int ReplyCount, int Votes, int RecentVotes, IdeaStatus Status, bool VotedByViewer, bool IsClosed);

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, IOptions<IdeaOptions> ideaOptions, IOptions<CommunityOptions> options, TimeProvider clock) : IRequestHandler<Query, IdeasPage>
    {
        public async Task<IdeasPage> Handle(Query request, CancellationToken cancellationToken)
        {
            var viewer = currentUser.Viewer();
            var me = viewer.MemberId;
            var now = clock.GetUtcNow();
            var space = await db.Spaces.AsNoTracking()
                .Where(s => s.Slug == request.Slug && s.IsIdeas)
                .Where(ConversationPolicy.SpaceOpenTo(viewer))
                .Select(s => new
                {
                    s.Id,
                    s.Name,
                    s.Slug,
                    s.Purpose,
                    PrivateTo = s.Access.OrderBy(a => a.Group!.Name).Select(a => a.Group!.Name).ToList(),
                    // In the same statement: a suspended or banned member is offered no vote.
                    Sanctioned = db.Members.Any(m => m.Id == me && (m.IsBanned || m.SuspendedUntil > now)),
                })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Ideas space", request.Slug);

            var sort = request.Sort switch { "trending" => IdeaSort.Trending, "new" => IdeaSort.New, _ => IdeaSort.Top };
            var status = IdeaOptions.Parse(request.Status);
            var since = now.AddDays(-ideaOptions.Value.TrendingDays);
            var rows =
                from t in db.Threads.AsNoTracking().Where(t => t.SpaceId == space.Id)
                join i in db.Ideas on t.Id equals i.ThreadId into ideas
                from i in ideas.DefaultIfEmpty()
                where i == null || i.MergedIntoThreadId == null
                select new
                {
                    t,
                    Votes = i == null ? 0 : i.VoteCount,
                    Recent = db.IdeaVotes.Count(v => v.ThreadId == t.Id && v.WithdrawnAt == null && v.CastAt >= since),
                    Status = i == null ? IdeaStatus.New : i.Status,
                };
            if (status is { } only)
            {
                rows = rows.Where(r => r.Status == only);
            }

            var (afterKey, afterId) = Cursor(request.After);
            if (afterId is { } id)
            {
                rows = sort switch
                {
                    IdeaSort.Top => rows.Where(r => r.Votes < afterKey || (r.Votes == afterKey && r.t.Id < id)),
                    IdeaSort.Trending => rows.Where(r => r.Recent < afterKey || (r.Recent == afterKey && r.t.Id < id)),
                    _ => rows.Where(r => r.t.Id < id),
                };
            }

            rows = sort switch
            {
                IdeaSort.Top => rows.OrderByDescending(r => r.Votes).ThenByDescending(r => r.t.Id),
                IdeaSort.Trending => rows.OrderByDescending(r => r.Recent).ThenByDescending(r => r.t.Id),
                _ => rows.OrderByDescending(r => r.t.Id),
            };
            var pageSize = options.Value.ThreadsPerPage;
            var page = await rows
                .Select(r => new IdeaRow(
                    r.t.Id, r.t.Title, db.Members.Where(m => m.Id == r.t.AuthorId).Select(m => m.DisplayName).First(), r.t.CreatedAt, r.t.ReplyCount,
                    r.Votes, r.Recent, r.Status, db.IdeaVotes.Any(v => v.ThreadId == r.t.Id && v.WithdrawnAt == null && v.MemberId == me), r.t.IsClosed))
                .Take(pageSize + 1)
                .ToListAsync(cancellationToken);

            string? next = null;
            if (page.Count > pageSize)
            {
                page.RemoveAt(pageSize);
                var tail = page[^1];
                next = sort switch
                {
                    IdeaSort.Top => string.Create(CultureInfo.InvariantCulture, $"{tail.Votes}.{tail.ThreadId}"),
                    IdeaSort.Trending => string.Create(CultureInfo.InvariantCulture, $"{tail.RecentVotes}.{tail.ThreadId}"),
                    _ => tail.ThreadId.ToString(CultureInfo.InvariantCulture),
                };
            }

            return new IdeasPage(space.Id, space.Name, space.Slug, space.Purpose, space.PrivateTo, sort, status, page, next, afterId is null, me is not null)
            {
                CanVote = me is not null && !space.Sanctioned,
            };
        }

        private static (int Key, long? Id) Cursor(string? after)
        {
            if (after is null)
            {
                return (0, null);
            }

            var parts = after.Split('.');
            if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var key)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return (key, id);
            }

            return parts.Length == 1 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var only) ? (int.MaxValue, only) : (0, null);
        }
    }
}

public enum IdeaSort
{
    Top,
    Trending,
    New,
}
