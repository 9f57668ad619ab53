using CommunityHub.Application.Attachments;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Posting;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Threads;
using CommunityHub.Domain.Ties;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Threads;

/// <summary>A member replies to a thread, optionally to one earlier post in it (kept as InReplyTo: who answered
/// whom). One path: one statement reads what no other reply can change and the reply is admitted and rendered; then the
/// thread's row lock and the reply's id, one statement reads what only the posts before it decide, the thread decides
/// and records, and the unit of work saves it all at once. Only that second part queues behind other replies.</summary>
public static class ReplyToThread
{
    [Authorize]
    public sealed class Command : ICommand<Result>
    {
        public string SpaceSlug { get; set; } = string.Empty;

        public long ThreadId { get; set; }

        public string Body { get; set; } = string.Empty;

        public long? InReplyToPostId { get; set; }

        /// <summary>Written into the form when it is shown; the same value twice means the same form was sent twice.</summary>
        public Guid SubmissionId { get; set; }

        /// <summary>A note for the company's people and moderators only; members never see it. Only they may set it.</summary>
        public bool IsStaffNote { get; set; }

        /// <summary>Files sent with the form (the plain file input).</summary>
        public IReadOnlyList<Upload> Files { get; set; } = [];

        /// <summary>The poster's own uploads made beforehand by the composer's script, to publish with the reply.</summary>
        public IList<Guid> AttachmentIds { get; set; } = [];
    }

    public sealed record Result(long PostId, long ThreadId, string SpaceSlug);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Body).ValidBody();
            RuleFor(c => c.SubmissionId).ValidSubmissionId();
        }
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, Drafts drafts, Writers writers, IKeys keys, PostAttachments attachments, Trust.Admission admission, IOptions<TieOptions> ties, TimeProvider clock)
        : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var author = currentUser.Viewer();
            var me = author.MemberId!.Value;
            var parentId = request.InReplyToPostId;
            // The same form sent twice (a double click, a refresh) finds the reply it wrote: asked before the lock (the
            // usual case, answered at once) and again under it (two copies sent at the same instant).
            var resent = db.Posts.Where(p => p.ThreadId == request.ThreadId && p.AuthorId == me && p.SubmissionId == request.SubmissionId)
                .Select(p => (long?)p.Id);

            // First, without the thread's lock, everything that no other reply can change: where the reply goes, who
            // writes it, whom it mentions, what it answers. The admission (the content filter, the trust level's limits,
            // a spam service that may be asked over the network), the files and the Markdown are decided here too, so
            // concurrent replies to one thread queue for its lock only as long as the ordered part takes.
            var before = await PrepareAsync(request, author, resent, cancellationToken);
            if (before.Resent is { } earlier)
            {
                return new Result(earlier, request.ThreadId, before.Slug);
            }

            var writer = before.Writer ?? throw new NotFoundException("Member", me);
            if (parentId is not null && before.Parent is null)
            {
                throw new ValidationException([new ValidationFailure(nameof(Command.InReplyToPostId), "The post you are replying to is not in this thread.")]);
            }

            // A staff note is never held; the thread's own rules (closed, locked) speak before the trust level's.
            ConversationPolicy.Reply(author, before.State, request.IsStaffNote, writer.Standing, clock.GetUtcNow()).Enforce();
            var admitted = request.IsStaffNote ? new Trust.Admitted(request.Body, null) : await admission.AdmitAsync(
                new Trust.Submission(author, writer, string.Empty, request.Body, request.Files.Count + request.AttachmentIds.Count, IsNewThread: false, request.ThreadId), cancellationToken);
            var files = await attachments.GatherAsync(me, request.Files, [.. request.AttachmentIds], cancellationToken);
            var draft = drafts.Draft(admitted.Body, before.Mentioned, request.SubmissionId, author, before.MentionedGroups);

            // Then the thread's lock and the reply's id, and what only the posts before it decide (what it answers,
            // who took part): no other reply can be written in between. The thread is read under the lock too, so
            // its counters and state are the latest (it may have been closed, locked or moved meanwhile).
            var postId = await keys.NextReplyAsync(request.ThreadId, cancellationToken)
                ?? throw new NotFoundException("Thread", request.ThreadId);
            // Every subquery names the thread and its starter (who never changes) as values, not through the thread's row:
            // correlated, EF Core numbers every post of the thread with ROW_NUMBER() to find the latest, sorting the whole
            // thread under its lock; uncorrelated, each is a backward scan of the thread's (thread_id, id) index that stops
            // at the first match.
            var (threadId, starter) = (request.ThreadId, before.State.AuthorId);
            var participantsToRead = ties.Value.SharedThreadMaxParticipants + 1;
            var conversation = db.Posts.Where(ConversationPolicy.InTheConversation<Post>()).Where(p => p.ThreadId == threadId);
            var ordered = await db.Threads
                .Where(t => t.Id == threadId)
                .Select(t => new
                {
                    Thread = t,
                    Resent = resent.FirstOrDefault(),
                    LatestByAnother = conversation.Where(p => p.AuthorId != me).OrderByDescending(p => p.Id)
                        .Select(p => new EarlierPost(p.AuthorId, p.AddressedToId)).FirstOrDefault(),
                    LatestByStarter = conversation.Where(p => p.AuthorId == starter).OrderByDescending(p => p.Id)
                        .Select(p => new EarlierPost(p.AuthorId, p.AddressedToId)).FirstOrDefault(),
                    Participants = db.ThreadParticipants.Where(p => p.ThreadId == threadId).OrderBy(p => p.FirstPostId)
                        .Select(p => p.MemberId).Take(participantsToRead).ToList(),
                    TookPart = db.ThreadParticipants.Any(p => p.ThreadId == threadId && p.MemberId == me),
                })
                .AsSingleQuery()
                .FirstOrDefaultAsync(cancellationToken);
            if (ordered is null || ordered.Thread.SpaceId != before.SpaceId)
            {
                throw new NotFoundException("Thread", request.ThreadId);
            }

            if (ordered.Resent is { } existingPostId)
            {
                return new Result(existingPostId, request.ThreadId, before.Slug);
            }

            var reply = ordered.Thread.Reply(
                postId,
                author,
                writer.Standing,
                draft,
                parentId,
                request.IsStaffNote,
                new ThreadSoFar(before.Parent, ordered.LatestByAnother, ordered.LatestByStarter, ordered.Participants, ordered.TookPart, before.Follows),
                new PostPlace(before.SpaceId, before.Slug, before.Name, writer.DisplayName),
                clock.GetUtcNow(),
                admitted.HeldBecause);
            db.Posts.Add(reply);
            for (var i = 0; i < files.Count; i++)
            {
                files[i].AttachTo(reply.Id, i, me, reply.CreatedAt);
            }

            return new Result(reply.Id, request.ThreadId, before.Slug);
        }

        /// <summary>What the reply needs to know that other replies cannot change, in one statement without a lock.</summary>
        private async Task<Before> PrepareAsync(Command request, Viewer author, IQueryable<long?> resent, CancellationToken cancellationToken)
        {
            var me = author.MemberId!.Value;
            var handles = drafts.HandlesIn(request.Body);
            var writerRows = writers.Rows;
            var parentId = request.InReplyToPostId;
            var onThePage = db.Posts.Where(ConversationPolicy.OnThreadPage<Post>(author));
            return await (
                    from t in db.Threads
                    join s in db.Spaces.Where(ConversationPolicy.SpaceOpenTo(author)) on t.SpaceId equals s.Id
                    where t.Id == request.ThreadId && s.Slug == request.SpaceSlug
                    select new Before
                    {
                        SpaceId = s.Id,
                        Slug = s.Slug,
                        Name = s.Name,
                        State = new ThreadSnapshot(t.AuthorId, t.IsLocked, t.IsClosed),
                        Resent = resent.FirstOrDefault(),
                        Writer = writerRows.FirstOrDefault(w => w.MemberId == me),
                        Mentioned = db.Members.Where(m => handles.Contains(m.Handle)).Select(m => new MentionedMember(m.Id, m.Handle)).ToList(),
                        // The groups the same handles name (@beta), in the same statement: whether the author may tell them is the draft's.
                        MentionedGroups = db.Groups.Where(g => g.MentionHandle != null && handles.Contains(g.MentionHandle))
                            .Select(g => new MentionedGroup(g.Id, g.MentionHandle!, g.MentionableBy, g.Members.Any(x => x.MemberId == me))).ToList(),
                        // An earlier post's author and addressee never change: what the reply answers may be read before the lock.
                        Parent = onThePage.Where(p => p.Id == parentId && p.ThreadId == t.Id)
                            .Select(p => new EarlierPost(p.AuthorId, p.AddressedToId)).FirstOrDefault(),
                        Follows = db.ThreadWatches.Any(w => w.ThreadId == t.Id && w.MemberId == me),
                    })
                .AsSingleQuery()
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Thread", request.ThreadId);
        }

        private sealed class Before
        {
            public required int SpaceId { get; init; }

            public required string Slug { get; init; }

            public required string Name { get; init; }

            public required ThreadSnapshot State { get; init; }

            public long? Resent { get; init; }

            public WriterRow? Writer { get; init; }

            public required List<MentionedMember> Mentioned { get; init; }

            public required List<MentionedGroup> MentionedGroups { get; init; }

            public EarlierPost? Parent { get; init; }

            public bool Follows { get; init; }
        }
    }
}
