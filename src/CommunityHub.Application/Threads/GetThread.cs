using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Notifications;
using CommunityHub.Domain.Notifications;
using CommunityHub.Domain.Threads;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Threads;

/// <summary>A thread's page: the header with its opening post, and one keyset page of replies in order.
/// Two SQL statements whatever the thread's length (three when a reply is being written to a post not on the page).</summary>
public static class GetThread
{
    /// <param name="After">Show the replies after this post id.</param>
    /// <param name="Before">Show the replies before this post id.</param>
    /// <param name="ReplyTo">The post the reply form answers, if any.</param>
    /// <param name="FromLastRead">With no page asked for, a signed-in member with unread replies gets the page that
    /// starts after the last post they read (unread tracking), in the same two statements.</param>
    public sealed record Query(long ThreadId, long? After = null, long? Before = null, long? ReplyTo = null, bool FromLastRead = false) : IRequest<ThreadPage>;

    public sealed record ThreadPage(
        long Id,
        string Title,
        string SpaceName,
        string SpaceSlug,
        bool IsPinned,
        int ReplyCount,
        PostView OpeningPost,
        IReadOnlyList<PostView> Replies,
        long? PreviousBefore,
        long? NextAfter,
        PostView? ReplyingTo,
        ReaderState Reader);

    /// <summary>The signed-in member's place in the thread (all empty for a visitor).</summary>
    /// <param name="LastReadPostId">The highest post they have had on screen, null before their first visit.</param>
    /// <param name="LatestPostId">The thread's newest post by someone else: with <paramref name="LastReadPostId"/>, whether there is something unread.</param>
    public sealed record ReaderState(Guid? MemberId, long? LastReadPostId, long LatestPostId, ThreadWatchChoice Watch)
    {
        public bool HasUnread => LastReadPostId is { } read && LatestPostId > read;
    }

    public sealed record PostView(
        long Id,
        Guid AuthorId,
        string AuthorName,
        DateTimeOffset AuthorJoinedAt,
        string BodyHtml,
        DateTimeOffset CreatedAt,
        long? InReplyToPostId,
        string? InReplyToAuthorName,
        bool IsDeleted = false);

    public sealed class Handler(ICommunityDb db, IOptions<CommunityOptions> options, ICurrentUser currentUser) : IRequestHandler<Query, ThreadPage>
    {
        public async Task<ThreadPage> Handle(Query request, CancellationToken cancellationToken)
        {
            var me = currentUser.MemberId;
            var header = await (
                    from t in db.Threads.AsNoTracking()
                    join s in db.Spaces on t.SpaceId equals s.Id
                    join p in db.Posts on t.Id equals p.ThreadId
                    join a in db.Members on p.AuthorId equals a.Id
                    where t.Id == request.ThreadId && p.IsOpeningPost
                    select new
                    {
                        t.Id,
                        t.Title,
                        SpaceName = s.Name,
                        SpaceSlug = s.Slug,
                        t.IsPinned,
                        t.ReplyCount,
                        Opening = new PostView(p.Id, a.Id, a.DisplayName, a.JoinedAt, p.BodyHtml, p.CreatedAt, null, null),
                        // Paging backwards, "is there a later page?" rides along in this statement.
                        HasRepliesFromBefore = request.Before != null
                            && db.Posts.Any(r => r.ThreadId == t.Id && !r.IsOpeningPost && r.Id >= request.Before),
                        // The reader's state rides along in the same statement (unread tracking, watch button).
                        LastRead = db.ThreadReadMarks.Where(r => r.MemberId == me && r.ThreadId == t.Id).Select(r => (long?)r.LastReadPostId).FirstOrDefault(),
                        Watch = db.ThreadWatches.Where(w => w.MemberId == me && w.ThreadId == t.Id).Select(w => (WatchLevel?)w.Level).FirstOrDefault(),
                        // The newest post by someone else: one's own replies are never "unread".
                        LatestPostId = db.Posts.Where(r => r.ThreadId == t.Id && r.AuthorId != me).Max(r => (long?)r.Id) ?? p.Id,
                    })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Thread", request.ThreadId);

            var pageSize = options.Value.RepliesPerPage;
            var startAfter = request.After;
            if (request.FromLastRead && request.After is null && request.Before is null
                && header.LastRead is { } lastRead && header.LatestPostId > lastRead && lastRead != header.Opening.Id)
            {
                startAfter = lastRead;
            }

            var replies = WithAuthors(db.Posts.Where(p => p.ThreadId == request.ThreadId && !p.IsOpeningPost));
            var backwards = request.Before is not null && startAfter is null;
            if (backwards)
            {
                replies = replies.Where(r => r.Post.Id < request.Before!.Value).OrderByDescending(r => r.Post.Id);
            }
            else
            {
                if (startAfter is { } after)
                {
                    replies = replies.Where(r => r.Post.Id > after);
                }

                replies = replies.OrderBy(r => r.Post.Id);
            }

            var page = await ToViews(replies.Take(pageSize + 1)).ToListAsync(cancellationToken);
            var hasMoreThisWay = page.Count > pageSize;
            if (hasMoreThisWay)
            {
                page.RemoveAt(pageSize);
            }

            if (backwards)
            {
                page.Reverse();
            }

            var hasEarlier = backwards ? hasMoreThisWay : startAfter is not null;
            var hasLater = backwards ? header.HasRepliesFromBefore : hasMoreThisWay;

            var replyingTo = request.ReplyTo is not { } replyTo ? null
                : replyTo == header.Opening.Id ? header.Opening
                : page.Find(p => p.Id == replyTo)
                    ?? await ToViews(WithAuthors(db.Posts.Where(p => p.Id == replyTo && p.ThreadId == request.ThreadId))).FirstOrDefaultAsync(cancellationToken);

            return new ThreadPage(
                header.Id,
                header.Title,
                header.SpaceName,
                header.SpaceSlug,
                header.IsPinned,
                header.ReplyCount,
                header.Opening,
                page,
                hasEarlier && page.Count > 0 ? page[0].Id : null,
                hasLater && page.Count > 0 ? page[^1].Id : null,
                replyingTo,
                new ReaderState(
                    me,
                    header.LastRead,
                    header.LatestPostId,
                    header.Watch switch { WatchLevel.Watching => ThreadWatchChoice.Watching, WatchLevel.Muted => ThreadWatchChoice.Muted, _ => ThreadWatchChoice.Normal }));
        }

        /// <summary>Posts with their author and, for a reply to a reply, the name of whom it answers; still composable (filter, order, take).</summary>
        private IQueryable<PostRow> WithAuthors(IQueryable<Post> posts) =>
            from p in posts.AsNoTracking()
            join a in db.Members on p.AuthorId equals a.Id
            join parent in db.Posts on p.InReplyToPostId equals (long?)parent.Id into parents
            from parent in parents.DefaultIfEmpty()
            join parentAuthor in db.Members on parent.AuthorId equals parentAuthor.Id into parentAuthors
            from parentAuthor in parentAuthors.DefaultIfEmpty()
            select new PostRow { Post = p, AuthorName = a.DisplayName, AuthorJoinedAt = a.JoinedAt, ParentAuthorName = parentAuthor.DisplayName };

        private static IQueryable<PostView> ToViews(IQueryable<PostRow> rows) =>
            rows.Select(r => new PostView(
                r.Post.Id,
                r.Post.AuthorId,
                r.AuthorName,
                r.AuthorJoinedAt,
                // A deleted reply's words never leave the database again; the page shows "removed".
                r.Post.DeletedAt == null ? r.Post.BodyHtml : string.Empty,
                r.Post.CreatedAt,
                r.Post.InReplyToPostId,
                r.ParentAuthorName,
                r.Post.DeletedAt != null));
    }

    private sealed class PostRow
    {
        public required Post Post { get; init; }

        public required string AuthorName { get; init; }

        public required DateTimeOffset AuthorJoinedAt { get; init; }

        public string? ParentAuthorName { get; init; }
    }
}
