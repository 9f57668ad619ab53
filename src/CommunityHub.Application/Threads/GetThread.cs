using CommunityHub.Application.Attachments;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Posting;
using CommunityHub.Application.Common.Security;
using CommunityHub.Application.Notifications;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Notifications;
using CommunityHub.Domain.Reciprocity;
using CommunityHub.Domain.Threads;
using CommunityHub.Domain.Trust;
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
        AcceptedAnswerView? AcceptedAnswer,
        ReaderState Reader)
    {
        /// <summary>Whether anyone may read the thread (its space is open to everyone), so it has a public feed.</summary>
        public bool HasPublicFeed { get; init; } = true;

        /// <summary>The thread's tags, by name.</summary>
        public IReadOnlyList<string> Tags { get; init; } = [];

        /// <summary>The thread's support case, for those who may escalate (<see cref="ConversationPolicy.Escalate"/>); null for anyone else.</summary>
        public Escalation.GetEscalation.Panel? Escalation { get; init; }

        /// <summary>The reader may change the thread's tags (<see cref="ConversationPolicy.Tag"/>).</summary>
        public bool CanTag { get; init; }

        /// <summary>The reader may change the thread's title (<see cref="ConversationPolicy.Retitle"/>).</summary>
        public bool CanRetitle { get; init; }

        /// <summary>The thread is an idea (its space is an Ideas space): the page shows its votes and status.</summary>
        public bool InIdeasSpace { get; init; }
    }

    public sealed record AcceptedAnswerView(long PostId, string AuthorName, string AuthorHandle, string BodyHtml, DateTimeOffset CreatedAt);

    /// <summary>What members said about one post: "helped me", thanks and reactions, and which of them the viewer gave.</summary>
    public sealed record PostAcknowledgements(int Helped, bool HelpedByViewer, int Thanks, bool ThankedByViewer, IReadOnlyList<ReactionCount> Reactions)
    {
        public static PostAcknowledgements None { get; } = new(0, false, 0, false, []);

        /// <summary>Nobody said anything yet: a quiet post shows no row of zeros.</summary>
        public bool IsEmpty => Helped == 0 && Thanks == 0 && Reactions.Count == 0;

        public ReactionCount? ReactionOf(string name) => Reactions.FirstOrDefault(r => r.Name == name);
    }

    public sealed record ReactionCount(string Name, int Count, bool ByViewer);


    /// <summary>The reply marked as the company's official answer, to link to from the top of the thread.</summary>
    public sealed record OfficialAnswer(long PostId, string AuthorName);


    /// <summary>The signed-in member's place in the thread (all empty for a visitor).</summary>
    /// <param name="LastReadPostId">The highest post they have had on screen, null before their first visit.</param>
    /// <param name="LatestPostId">The thread's newest post by someone else: with <paramref name="LastReadPostId"/>, whether there is something unread.</param>
    public sealed record ReaderState(Guid? MemberId, long? LastReadPostId, long LatestPostId, ThreadWatchChoice Watch)
    {
        public bool HasUnread => LastReadPostId is { } read && LatestPostId > read;
    }

    /// <summary>One post as the page shows it, with what the reader may do with it (<see cref="Can"/>, from
    /// <see cref="ConversationPolicy.ForPost"/>) and what members said about it (<see cref="Acknowledgements"/>).
    /// A hidden post's words and reason reach only those who may read them; a deleted one's reach nobody.</summary>
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
        MemberBadge AuthorBadge,
        string? AuthorTitle,
        bool IsOpeningPost,
        bool IsStaffNote,
        DateTimeOffset? HiddenAt,
        string? HiddenReason,
        DateTimeOffset? EditedAt,
        DateTimeOffset? DeletedAt) : IPostState
    {
        public bool IsHidden => HiddenAt is not null;

        public bool IsDeleted => DeletedAt is not null;

        /// <summary>Not published yet: only its author and moderators meet it (<see cref="ConversationPolicy.OnThreadPage{TPost}"/>).</summary>
        public bool AwaitingApproval { get; init; }

        /// <summary>A moderator turned it down (only its author meets it, as removed); the reason is in their notifications.</summary>
        public bool IsRejected { get; init; }

        public bool IsOfficialAnswer { get; init; }

        public bool IsAcceptedAnswer { get; init; }

        public PostPermissions Can { get; init; } = null!;

        /// <summary>The author's picture (null: their initial shows); a banned member's is not shown.</summary>
        public Guid? AuthorAvatarId { get; init; }

        public PostAcknowledgements Acknowledgements { get; init; } = PostAcknowledgements.None;

        /// <summary>The reader ignores its author: the page shows it collapsed, one click away (read in the post's own statement).</summary>
        public bool AuthorIgnored { get; init; }

        /// <summary>The files posted with it, in the order they were sent (read in the same statement as the post).</summary>
        public IReadOnlyList<AttachmentView> Attachments { get; init; } = [];
    }

    public sealed class Handler(ICommunityDb db, IOptions<CommunityOptions> options, ICurrentUser currentUser, Writers writers, IOptionsSnapshot<TrustOptions> trust, TimeProvider clock, ThreadCards threadCards) : IRequestHandler<Query, ThreadPage>
    {
        private readonly Viewer _viewer = currentUser.Viewer();

        public async Task<ThreadPage> Handle(Query request, CancellationToken cancellationToken)
        {
            var me = _viewer.MemberId;
            // The header below reads the thread only when the viewer may open it, its space included, and answers 404
            // otherwise; the page's posts need not ask about the space again each.
            var onThePage = db.Posts.Where(ConversationPolicy.OnThreadPage<Post>(_viewer, spaceEntered: true));
            var intact = db.Posts.Where(ConversationPolicy.Intact<Post>());
            // Only a member whose roles do not already let them retitle and tag needs their trust level (a Leader may):
            // it rides along in the header's statement, and is not read at all for visitors, staff and moderators.
            var needsTrust = _viewer.IsSignedIn && !_viewer.IsStaffSide;
            var writerRows = writers.Rows;
            // The support case rides along for those who may escalate (issue 17); for anyone else it is not read.
            var escalates = ConversationPolicy.Escalate(_viewer).IsAllowed;
            var header = await (
                    from t in db.Threads.AsNoTracking().Where(ConversationPolicy.ThreadOpenTo(_viewer))
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
                        SpaceIsPublic = !s.MembersOnly && !s.Access.Any(),
                        InIdeasSpace = s.IsIdeas,
                        t.IsPinned,
                        t.ReplyCount,
                        State = new ThreadSnapshot(t.AuthorId, t.IsLocked, t.IsClosed),
                        Opening = new PostView(p.Id, a.Id, a.DisplayName, a.Handle, a.JoinedAt, p.BodyHtml, p.CreatedAt, null, null, a.Badge, a.Title, true, false, null, null, p.EditedAt, p.DeletedAt)
                        {
                            AwaitingApproval = p.AwaitingApproval,
                            IsRejected = p.RejectedAt != null,
                            AuthorIgnored = db.IgnoredMembers.Any(i => i.IgnorerId == me && i.IgnoredId == p.AuthorId),
                            AuthorAvatarId = a.IsBanned ? null : a.AvatarId,
                            Attachments = db.Attachments.Where(f => f.PostId == p.Id).OrderBy(f => f.Position)
                                .Select(f => new AttachmentView(f.Id, f.FileName, f.MediaType, f.IsImage, f.Size, f.DisplayWidth, f.DisplayHeight)).ToList(),
                        },
                        Answer = (
                            from answer in intact
                            join answerer in db.Members on answer.AuthorId equals answerer.Id
                            where answer.Id == t.AcceptedAnswerPostId
                            select new AcceptedAnswerView(answer.Id, answerer.DisplayName, answerer.Handle, answer.BodyHtml, answer.CreatedAt))
                            .FirstOrDefault(),
                        // Paging backwards, "is there a later page?" rides along in this statement.
                        HasRepliesFromBefore = request.Before != null
                            && onThePage.Any(r => r.ThreadId == t.Id && !r.IsOpeningPost && r.Id >= request.Before),
                        t.OfficialAnswerPostId,
                        OfficialAuthor = db.Posts.Where(o => o.Id == t.OfficialAnswerPostId)
                            .Join(db.Members, o => o.AuthorId, m => m.Id, (o, m) => m.DisplayName).FirstOrDefault(),
                        // The reader's state rides along in the same statement (unread tracking, watch button).
                        LastRead = db.ThreadReadMarks.Where(r => r.MemberId == me && r.ThreadId == t.Id).Select(r => (long?)r.LastReadPostId).FirstOrDefault(),
                        Watch = db.ThreadWatches.Where(w => w.MemberId == me && w.ThreadId == t.Id).Select(w => (WatchLevel?)w.Level).FirstOrDefault(),
                        // The newest post by someone else: one's own replies are never "unread".
                        LatestPostId = onThePage.Where(r => r.ThreadId == t.Id && r.AuthorId != me).Max(r => (long?)r.Id) ?? p.Id,
                        Tags = t.Tags.OrderBy(x => x.Tag!.Name).Select(x => x.Tag!.Name).ToList(),
                        ReaderTrust = needsTrust ? writerRows.Where(w => w.MemberId == me).Select(w => w.TrustRecord).FirstOrDefault() : null,
                        EscalationCase = escalates
                            ? db.Escalations.Where(e => e.ThreadId == t.Id).OrderByDescending(e => e.Id)
                                .Select(e => new Escalation.GetEscalation.CaseStatus(e.Status, e.CaseId, e.CaseUrl, e.LastError, e.Attempts, e.EscalatedAt)).FirstOrDefault()
                            : null,
                        // `t.Id > 0` names the row: EF runs a subquery that names nothing of the row (a bare
                        // SupportDesks.Any()) as a statement of its own; tied to the row it stays an EXISTS in this one.
                        DeskConnected = escalates && db.SupportDesks.Any(d => t.Id > 0),
                    })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Thread", request.ThreadId);

            var level = header.ReaderTrust is { } record ? TrustRules.Of(record, trust.Value, clock.GetUtcNow()).Level : TrustLevel.New;
            var pageSize = options.Value.RepliesPerPage;
            var startAfter = request.After;
            if (request.FromLastRead && request.After is null && request.Before is null
                && header.LastRead is { } lastRead && header.LatestPostId > lastRead && lastRead != header.Opening.Id)
            {
                startAfter = lastRead;
            }

            var replies = WithAuthors(onThePage.Where(p => p.ThreadId == request.ThreadId && !p.IsOpeningPost));
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
                    ?? await ToViews(WithAuthors(onThePage.Where(p => p.Id == replyTo && p.ThreadId == request.ThreadId))).FirstOrDefaultAsync(cancellationToken);

            var postIds = page.Select(p => p.Id).Append(header.Opening.Id).ToList();
            var acknowledgements = await AcknowledgementsAsync(postIds, cancellationToken);

            // What the reader may read and do of each post, decided once here by the policy; the page only reads it.
            // A hidden post's words and reason go no further for those who may not read them, a deleted one's for nobody.
            PostView Complete(PostView post) => (ConversationPolicy.MayReadBody(_viewer, post) ? post : post with { BodyHtml = string.Empty, HiddenReason = null, Attachments = [] }) with
            {
                IsOfficialAnswer = post.Id == header.OfficialAnswerPostId,
                IsAcceptedAnswer = post.Id == header.Answer?.PostId,
                Can = ConversationPolicy.ForPost(_viewer, header.State, post),
                Acknowledgements = acknowledgements.GetValueOrDefault(post.Id) ?? PostAcknowledgements.None,
            };

            // Links to other threads on a line of their own show as cards: one statement for the page, none without such links.
            var posts = page.ConvertAll(Complete).Prepend(Complete(header.Opening)).ToList();
            var bodies = await threadCards.ShowAsync([.. posts.Select(p => p.BodyHtml)], _viewer, cancellationToken);
            posts = [.. posts.Select((p, i) => ReferenceEquals(p.BodyHtml, bodies[i]) ? p : p with { BodyHtml = bodies[i] })];

            return new ThreadPage(
                header.Id,
                header.Title,
                header.SpaceName,
                header.SpaceSlug,
                header.IsPinned,
                header.ReplyCount,
                posts[0],
                posts[1..],
                hasEarlier && page.Count > 0 ? page[0].Id : null,
                hasLater && page.Count > 0 ? page[^1].Id : null,
                replyingTo is null ? null : Complete(replyingTo),
                header.State.IsLocked,
                header.State.IsClosed,
                header.OfficialAnswerPostId is { } official && header.OfficialAuthor is { } officialAuthor ? new OfficialAnswer(official, officialAuthor) : null,
                ConversationPolicy.ForThread(_viewer, header.State),
                header.Answer,
                new ReaderState(
                    me,
                    header.LastRead,
                    header.LatestPostId,
                    header.Watch switch { WatchLevel.Watching => ThreadWatchChoice.Watching, WatchLevel.Muted => ThreadWatchChoice.Muted, _ => ThreadWatchChoice.Normal }))
            {
                HasPublicFeed = header.SpaceIsPublic,
                Tags = header.Tags,
                CanTag = ConversationPolicy.Tag(_viewer, header.State, level).IsAllowed,
                CanRetitle = ConversationPolicy.Retitle(_viewer, header.State, level).IsAllowed,
                InIdeasSpace = header.InIdeasSpace,
                Escalation = escalates ? new Escalation.GetEscalation.Panel(header.EscalationCase, header.DeskConnected) : null,
            };
        }

        /// <summary>What members said about the posts of the page, and which of it the reader said: one statement.</summary>
        private async Task<Dictionary<long, PostAcknowledgements>> AcknowledgementsAsync(List<long> postIds, CancellationToken cancellationToken)
        {
            var me = _viewer.MemberId;
            return (await db.ReciprocityRecords.AsNoTracking()
                    .Where(r => r.RetractedAt == null && r.Kind != ReciprocityKind.AcceptedAnswer && postIds.Contains(r.PostId))
                    .GroupBy(r => new { r.PostId, r.Kind, r.Reaction })
                    .Select(g => new { g.Key.PostId, g.Key.Kind, g.Key.Reaction, Count = g.Count(), Mine = g.Any(r => r.FromMemberId == me) })
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
        }

        /// <summary>Posts with their author and, for a reply to a reply, the name of whom it answers; still composable (filter, order, take).</summary>
        private IQueryable<PostRow> WithAuthors(IQueryable<Post> posts) =>
            from p in posts.AsNoTracking()
            join a in db.Members on p.AuthorId equals a.Id
            join parent in db.Posts on p.InReplyToPostId equals (long?)parent.Id into parents
            from parent in parents.DefaultIfEmpty()
            join parentAuthor in db.Members on parent.AuthorId equals parentAuthor.Id into parentAuthors
            from parentAuthor in parentAuthors.DefaultIfEmpty()
            select new PostRow { Post = p, AuthorName = a.DisplayName, AuthorHandle = a.Handle, AuthorJoinedAt = a.JoinedAt, AuthorBadge = a.Badge, AuthorTitle = a.Title, ParentAuthorName = parentAuthor.DisplayName, AuthorAvatarId = a.IsBanned ? null : a.AvatarId };

        private IQueryable<PostView> ToViews(IQueryable<PostRow> rows) =>
            rows.Select(r => new PostView(
                r.Post.Id,
                r.Post.AuthorId,
                r.AuthorName,
                r.AuthorHandle,
                r.AuthorJoinedAt,
                r.Post.BodyHtml,
                r.Post.CreatedAt,
                r.Post.InReplyToPostId,
                r.ParentAuthorName,
                r.AuthorBadge,
                r.AuthorTitle,
                false,
                r.Post.IsStaffNote,
                r.Post.HiddenAt,
                r.Post.HiddenReason,
                r.Post.EditedAt,
                r.Post.DeletedAt)
            {
                AwaitingApproval = r.Post.AwaitingApproval,
                IsRejected = r.Post.RejectedAt != null,
                // Whether the reader ignores the author rides along too: no statement more, whether they ignore anyone or not.
                AuthorIgnored = db.IgnoredMembers.Any(i => i.IgnorerId == _viewer.MemberId && i.IgnoredId == r.Post.AuthorId),
                AuthorAvatarId = r.AuthorAvatarId,
                // The post's files ride along in the statement that reads the post (the page's statement count holds).
                Attachments = db.Attachments.Where(f => f.PostId == r.Post.Id).OrderBy(f => f.Position)
                    .Select(f => new AttachmentView(f.Id, f.FileName, f.MediaType, f.IsImage, f.Size, f.DisplayWidth, f.DisplayHeight)).ToList(),
            });
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

        public Guid? AuthorAvatarId { get; init; }
    }
}
