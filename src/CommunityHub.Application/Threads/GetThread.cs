using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Application.Notifications;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Notifications;
using CommunityHub.Domain.Reciprocity;
using CommunityHub.Domain.Threads;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Threads;

/// <summary>A thread's page: the header with its opening post, and one keyset page of replies in order.
/// Three SQL statements whatever the thread's length (the header, the page of replies, and what members said
/// about those posts; one more when a reply is being written to a post not on the page).</summary>
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
        bool IsLocked,
        bool IsClosed,
        OfficialAnswer? Official,
        ThreadPermissions Can,
        Guid ThreadStarterId,
        AcceptedAnswerView? AcceptedAnswer,
        Acknowledging Viewer,
        IReadOnlyDictionary<long, PostAcknowledgements> Acknowledgements,
        ReaderState Reader)
    {
        public PostAcknowledgements AcknowledgementsOf(long postId) => Acknowledgements.GetValueOrDefault(postId) ?? PostAcknowledgements.None;

        /// <summary>Whether the viewer may acknowledge this post (thank, react, mark helped): anyone signed in, not its author.</summary>
        public bool ViewerMayAcknowledge(PostView post) => Viewer.MemberId is { } me && post.AuthorId != me;

        /// <summary>Whether the viewer may accept this reply as the answer (mirrors <c>AcceptAnswer</c>'s rules).</summary>
        public bool ViewerMayAccept(PostView post) => Viewer.MayChooseAnswer && post.AuthorId != ThreadStarterId && post.Id != OpeningPost.Id;
    }

    /// <param name="MayChooseAnswer">The thread's starter, or a moderator.</param>
    public sealed record Acknowledging(Guid? MemberId, bool MayChooseAnswer);

    public sealed record AcceptedAnswerView(long PostId, string AuthorName, string AuthorHandle, string BodyHtml, DateTimeOffset CreatedAt);

    /// <summary>What members said about one post: "helped me", thanks and reactions, and which of them the viewer gave.</summary>
    public sealed record PostAcknowledgements(int Helped, bool HelpedByViewer, int Thanks, bool ThankedByViewer, IReadOnlyList<ReactionCount> Reactions)
    {
        public static PostAcknowledgements None { get; } = new(0, false, 0, false, []);

        public ReactionCount? ReactionOf(string name) => Reactions.FirstOrDefault(r => r.Name == name);
    }

    public sealed record ReactionCount(string Name, int Count, bool ByViewer);


    /// <summary>The reply marked as the company's official answer, to link to from the top of the thread.</summary>
    public sealed record OfficialAnswer(long PostId, string AuthorName);

    /// <summary>What the person reading may do here; the use cases check it again, the page only offers it.</summary>
    /// <param name="TakesReplies">The thread is neither locked nor closed.</param>
    public sealed record ThreadPermissions(Guid? ViewerId, bool Moderate, bool MarkOfficialAnswer, bool WriteStaffNotes, bool Reply, bool TakesReplies = true);


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
        string AuthorHandle,
        DateTimeOffset AuthorJoinedAt,
        string BodyHtml,
        DateTimeOffset CreatedAt,
        long? InReplyToPostId,
        string? InReplyToAuthorName,
        MemberBadge AuthorBadge = MemberBadge.None,
        string? AuthorTitle = null,
        bool IsStaffNote = false,
        bool IsHidden = false,
        string? HiddenReason = null,
        DateTimeOffset? EditedAt = null,
        bool IsOfficialAnswer = false,
        bool IsDeleted = false)
    {
        /// <summary>A hidden post whose body this reader may not see: shown as a placeholder.</summary>
        public bool IsWithheld => IsHidden && HiddenReason is null;
    }

    public sealed class Handler(ICommunityDb db, IOptions<CommunityOptions> options, ICurrentUser currentUser) : IRequestHandler<Query, ThreadPage>
    {
        private readonly Viewer _viewer = Viewer.Of(currentUser);

        public async Task<ThreadPage> Handle(Query request, CancellationToken cancellationToken)
        {
            var seesStaffNotes = _viewer.SeesStaffNotes;
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
                        t.IsLocked,
                        t.IsClosed,
                        Opening = new PostView(p.Id, a.Id, a.DisplayName, a.Handle, a.JoinedAt, p.BodyHtml, p.CreatedAt, null, null, a.Badge, a.Title, false, false, null, p.EditedAt),
                        StarterId = t.AuthorId,
                        Answer = (
                            from answer in db.Posts
                            join answerer in db.Members on answer.AuthorId equals answerer.Id
                            where answer.Id == t.AcceptedAnswerPostId && answer.HiddenAt == null && answer.DeletedAt == null
                            select new AcceptedAnswerView(answer.Id, answerer.DisplayName, answerer.Handle, answer.BodyHtml, answer.CreatedAt))
                            .FirstOrDefault(),
                        // Paging backwards, "is there a later page?" rides along in this statement.
                        HasRepliesFromBefore = request.Before != null
                            && db.Posts.Any(r => r.ThreadId == t.Id && !r.IsOpeningPost && r.Id >= request.Before && (seesStaffNotes || !r.IsStaffNote)),
                        t.OfficialAnswerPostId,
                        OfficialAuthor = db.Posts.Where(o => o.Id == t.OfficialAnswerPostId)
                            .Join(db.Members, o => o.AuthorId, m => m.Id, (o, m) => m.DisplayName).FirstOrDefault(),
                        // The reader's state rides along in the same statement (unread tracking, watch button).
                        LastRead = db.ThreadReadMarks.Where(r => r.MemberId == me && r.ThreadId == t.Id).Select(r => (long?)r.LastReadPostId).FirstOrDefault(),
                        Watch = db.ThreadWatches.Where(w => w.MemberId == me && w.ThreadId == t.Id).Select(w => (WatchLevel?)w.Level).FirstOrDefault(),
                        // The newest post by someone else: one's own replies are never "unread".
                        LatestPostId = db.Posts.Where(r => r.ThreadId == t.Id && r.AuthorId != me && (seesStaffNotes || !r.IsStaffNote)).Max(r => (long?)r.Id) ?? p.Id,
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

            var readable = db.Posts.Where(PostVisibility.ReadableBy(_viewer));
            var replies = WithAuthors(readable.Where(p => p.ThreadId == request.ThreadId && !p.IsOpeningPost));
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
                    ?? await ToViews(WithAuthors(readable.Where(p => p.Id == replyTo && p.ThreadId == request.ThreadId))).FirstOrDefaultAsync(cancellationToken);

            if (header.OfficialAnswerPostId is { } officialId)
            {
                page = page.ConvertAll(p => p.Id == officialId ? p with { IsOfficialAnswer = true } : p);
            }

            var moderates = currentUser.Moderates();
            var can = new ThreadPermissions(
                _viewer.MemberId,
                Moderate: moderates,
                MarkOfficialAnswer: currentUser.SpeaksForTheCompany(),
                WriteStaffNotes: seesStaffNotes,
                Reply: _viewer.MemberId is not null && !header.IsClosed && (!header.IsLocked || moderates),
                TakesReplies: !header.IsClosed && !header.IsLocked);

            var viewer = currentUser.MemberId;
            var postIds = page.Select(p => p.Id).Append(header.Opening.Id).ToList();
            var acknowledgements = (await db.ReciprocityRecords.AsNoTracking()
                    .Where(r => r.RetractedAt == null && r.Kind != ReciprocityKind.AcceptedAnswer && postIds.Contains(r.PostId))
                    .GroupBy(r => new { r.PostId, r.Kind, r.Reaction })
                    .Select(g => new { g.Key.PostId, g.Key.Kind, g.Key.Reaction, Count = g.Count(), Mine = g.Any(r => r.FromMemberId == viewer) })
                    .ToListAsync(cancellationToken))
                .GroupBy(a => a.PostId)
                .ToDictionary(
                    g => g.Key,
                    g => new PostAcknowledgements(
                        g.Where(a => a.Kind == ReciprocityKind.Helped).Sum(a => a.Count),
                        g.Any(a => a.Kind == ReciprocityKind.Helped && a.Mine),
                        g.Where(a => a.Kind == ReciprocityKind.Thanks).Sum(a => a.Count),
                        g.Any(a => a.Kind == ReciprocityKind.Thanks && a.Mine),
                        [.. g.Where(a => a.Kind == ReciprocityKind.Reaction).Select(a => new ReactionCount(a.Reaction!, a.Count, a.Mine))]));
            var mayChooseAnswer = viewer is { } reader && (reader == header.StarterId || moderates);

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
                header.IsLocked,
                header.IsClosed,
                header.OfficialAnswerPostId is { } official && header.OfficialAuthor is { } officialAuthor ? new OfficialAnswer(official, officialAuthor) : null,
                can,
                header.StarterId,
                header.Answer,
                new Acknowledging(viewer, mayChooseAnswer),
                acknowledgements,
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
            select new PostRow { Post = p, AuthorName = a.DisplayName, AuthorHandle = a.Handle, AuthorJoinedAt = a.JoinedAt, AuthorBadge = a.Badge, AuthorTitle = a.Title, ParentAuthorName = parentAuthor.DisplayName };

        /// <summary>A hidden post's body and reason leave the database only for moderators and its author; a deleted one's for nobody.</summary>
        private IQueryable<PostView> ToViews(IQueryable<PostRow> rows)
        {
            var seesHidden = _viewer.SeesHiddenPosts;
            var viewerId = _viewer.MemberId;
            return rows.Select(r => new PostView(
                r.Post.Id,
                r.Post.AuthorId,
                r.AuthorName,
                r.AuthorHandle,
                r.AuthorJoinedAt,
                // A deleted reply's words never leave the database again; the page shows "removed".
                r.Post.DeletedAt == null && (r.Post.HiddenAt == null || seesHidden || r.Post.AuthorId == viewerId) ? r.Post.BodyHtml : string.Empty,
                r.Post.CreatedAt,
                r.Post.InReplyToPostId,
                r.ParentAuthorName,
                r.AuthorBadge,
                r.AuthorTitle,
                r.Post.IsStaffNote,
                r.Post.HiddenAt != null,
                r.Post.HiddenAt != null && (seesHidden || r.Post.AuthorId == viewerId) ? r.Post.HiddenReason : null,
                r.Post.EditedAt,
                false,
                r.Post.DeletedAt != null));
        }
    }

    private sealed class PostRow
    {
        public required Post Post { get; init; }

        public required string AuthorName { get; init; }

        public required string AuthorHandle { get; init; }

        public required DateTimeOffset AuthorJoinedAt { get; init; }

        public required MemberBadge AuthorBadge { get; init; }

        public string? AuthorTitle { get; init; }

        public string? ParentAuthorName { get; init; }
    }
}
