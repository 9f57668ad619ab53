using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Paging;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Notifications;
using CommunityHub.Domain.Threads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Lists;

/// <summary>One row of any thread list (a space, a tag, Latest, Unread).</summary>
/// <param name="Appreciation">Help, thanks, reactions and accepted answers on its posts: what "top" sorts by.</param>
public sealed record ThreadRow(
    long Id,
    string Title,
    string SpaceSlug,
    string SpaceName,
    bool IsPinned,
    string AuthorName,
    DateTimeOffset CreatedAt,
    int ReplyCount,
    DateTimeOffset LastActivityAt,
    string LastPosterName,
    bool IsSolved,
    bool IsLocked,
    bool IsClosed,
    bool HasOfficialAnswer,
    bool CompanyTookPart,
    bool HasUnread,
    int Appreciation)
{
    /// <summary>The thread's tags, by name.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
}

/// <summary>One keyset page of a thread list, with the choice it was made with (for the links to the next page).</summary>
public sealed record ThreadListPage(IReadOnlyList<ThreadRow> Threads, string? NextCursor, bool IsFirstPage, ThreadListChoice Choice);

/// <summary>What every thread list shares: the filters, the orders and keyset paging over a set of threads the
/// caller has already narrowed to what the viewer may see (<see cref="ConversationPolicy.ThreadOpenTo"/>) and to
/// the list's scope. One statement per page. Each order walks an index of its own (see the threads' configuration):
/// latest activity (space_id, is_pinned, last_activity_at, id) or (last_activity_at, id); newest (…created_at, id);
/// top (…appreciation, id).</summary>
public sealed class ThreadLists(ICommunityDb db, IOptions<CommunityOptions> options, TimeProvider clock)
{
    // ---- The lists' scopes: what each list starts from, before the reader's filter and order ----

    /// <summary>A space's threads (the caller has checked the viewer may enter it).</summary>
    public IQueryable<DiscussionThread> InSpace(int spaceId) =>
        db.Threads.AsNoTracking().Where(t => t.SpaceId == spaceId).Where(ConversationPolicy.ListedInSpace());

    /// <summary>Latest: the threads of every space the viewer may enter.</summary>
    public IQueryable<DiscussionThread> Everywhere(Viewer viewer) => db.Threads.AsNoTracking().Where(ConversationPolicy.ThreadOpenTo(viewer));

    /// <summary>A tag's threads in the spaces the viewer may enter.</summary>
    public IQueryable<DiscussionThread> Tagged(Viewer viewer, int tagId) =>
        Everywhere(viewer).Where(t => db.ThreadTags.Any(x => x.ThreadId == t.Id && x.TagId == tagId));

    /// <summary>Unread: threads the viewer read before, where someone else has posted since (a staff note makes no
    /// thread unread), in the spaces they may still enter.</summary>
    public IQueryable<DiscussionThread> Unread(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var me = viewer.MemberId;
        var posts = db.Posts.Where(ConversationPolicy.InTheConversation<Post>());
        return Everywhere(viewer).Where(t => db.ThreadReadMarks.Any(r => r.MemberId == me && r.ThreadId == t.Id
            && posts.Any(p => p.ThreadId == t.Id && p.Id > r.LastReadPostId && p.AuthorId != me)));
    }

    /// <param name="pinnedFirst">Pinned threads lead the default order (a space's list).</param>
    public async Task<ThreadListPage> PageAsync(
        IQueryable<DiscussionThread> threads, Viewer viewer, ThreadListChoice choice, string? after, bool pinnedFirst, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(choice);
        choice = choice.For(viewer.IsSignedIn);
        var me = viewer.MemberId;
        var pinned = pinnedFirst && choice.Sort == ThreadSort.Activity;

        // Posts members can read, by someone with a Staff or Executive badge (they speak for the company; a Bot badge
        // only says a script wrote the post).
        var companyPosts = db.Posts.Where(ConversationPolicy.Listed<Post>(Viewer.Anonymous)).Where(p => db.Members.Any(m => m.Id == p.AuthorId && (m.Badge == MemberBadge.Staff || m.Badge == MemberBadge.Executive)));
        threads = choice.Filter switch
        {
            ThreadFilter.Unanswered => threads.Where(t => t.ReplyCount == 0),
            ThreadFilter.Unsolved => threads.Where(t => t.AcceptedAnswerPostId == null),
            ThreadFilter.Solved => threads.Where(t => t.AcceptedAnswerPostId != null),
            ThreadFilter.Company => threads.Where(t => companyPosts.Any(p => p.ThreadId == t.Id)),
            ThreadFilter.Mine => threads.Where(t => t.AuthorId == me || db.ThreadParticipants.Any(p => p.ThreadId == t.Id && p.MemberId == me)),
            ThreadFilter.Watching => threads.Where(t => db.ThreadWatches.Any(w => w.ThreadId == t.Id && w.MemberId == me && w.Level == WatchLevel.Watching)),
            _ => threads,
        };
        if (choice.TopSince(clock.GetUtcNow()) is { } since)
        {
            threads = threads.Where(t => t.CreatedAt >= since);
        }

        var hasCursor = ThreadCursor.TryParse(after, out var from);
        IOrderedQueryable<DiscussionThread> ordered;
        switch (choice.Sort)
        {
            case ThreadSort.Newest:
                if (hasCursor)
                {
                    var at = from.At;
                    threads = threads.Where(t => t.CreatedAt < at || (t.CreatedAt == at && t.Id < from.ThreadId));
                }

                ordered = threads.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id);
                break;
            case ThreadSort.Top:
                if (hasCursor)
                {
                    var count = (int)Math.Min(from.Key, int.MaxValue);
                    threads = threads.Where(t => t.Appreciation < count || (t.Appreciation == count && t.Id < from.ThreadId));
                }

                ordered = threads.OrderByDescending(t => t.Appreciation).ThenByDescending(t => t.Id);
                break;
            default:
                if (hasCursor)
                {
                    var at = from.At;
                    threads = pinned
                        ? threads.Where(t =>
                            (from.Pinned && !t.IsPinned)
                            || (t.IsPinned == from.Pinned && (t.LastActivityAt < at || (t.LastActivityAt == at && t.Id < from.ThreadId))))
                        : threads.Where(t => t.LastActivityAt < at || (t.LastActivityAt == at && t.Id < from.ThreadId));
                }

                ordered = pinned
                    ? threads.OrderByDescending(t => t.IsPinned).ThenByDescending(t => t.LastActivityAt).ThenByDescending(t => t.Id)
                    : threads.OrderByDescending(t => t.LastActivityAt).ThenByDescending(t => t.Id);
                break;
        }

        var pageSize = options.Value.ThreadsPerPage;
        var found = await (
                from t in ordered.Take(pageSize + 1)
                join s in db.Spaces on t.SpaceId equals s.Id
                join author in db.Members on t.AuthorId equals author.Id
                join last in db.Members on t.LastPosterId equals last.Id
                select new
                {
                    Row = new ThreadRow(
                        t.Id, t.Title, s.Slug, s.Name, pinned && t.IsPinned, author.DisplayName, t.CreatedAt, t.ReplyCount, t.LastActivityAt, last.DisplayName,
                        t.AcceptedAnswerPostId != null, t.IsLocked, t.IsClosed, t.OfficialAnswerPostId != null, companyPosts.Any(p => p.ThreadId == t.Id),
                        // Unread: visited before, and someone else has posted since (same statement; posts(thread_id, id) answers it).
                        db.ThreadReadMarks.Any(r => r.MemberId == me && r.ThreadId == t.Id && db.Posts.Any(p => p.ThreadId == t.Id && p.Id > r.LastReadPostId && p.AuthorId != me)),
                        t.Appreciation),
                    // One string per row (string_agg in a correlated subquery: found by the thread's key), not a join of
                    // every tagged thread. Tag names never hold a comma.
                    Tags = (from x in db.ThreadTags
                            join tag in db.Tags on x.TagId equals tag.Id
                            where x.ThreadId == t.Id
                            select new { x.ThreadId, tag.Name })
                        .GroupBy(x => x.ThreadId)
                        .Select(g => string.Join(",", g.OrderBy(x => x.Name).Select(x => x.Name)))
                        .FirstOrDefault(),
                })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var rows = found.ConvertAll(f => f.Row with { Tags = string.IsNullOrEmpty(f.Tags) ? [] : f.Tags.Split(',') });
        // The join above keeps the page's order only by luck: order again, as the list does.
        rows = choice.Sort switch
        {
            ThreadSort.Newest => [.. rows.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)],
            ThreadSort.Top => [.. rows.OrderByDescending(r => r.Appreciation).ThenByDescending(r => r.Id)],
            _ => [.. rows.OrderByDescending(r => r.IsPinned).ThenByDescending(r => r.LastActivityAt).ThenByDescending(r => r.Id)],
        };

        string? next = null;
        if (rows.Count > pageSize)
        {
            rows.RemoveAt(pageSize);
            var tail = rows[^1];
            var cursor = choice.Sort switch
            {
                ThreadSort.Newest => new ThreadCursor(false, tail.CreatedAt, tail.Id),
                ThreadSort.Top => new ThreadCursor(false, tail.Appreciation, tail.Id),
                _ => new ThreadCursor(tail.IsPinned, tail.LastActivityAt, tail.Id),
            };
            next = cursor.ToString();
        }

        return new ThreadListPage(rows, next, after is null, choice);
    }
}
