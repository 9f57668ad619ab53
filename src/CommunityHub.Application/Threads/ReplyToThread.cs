using CommunityHub.Application.Attachments;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Posting;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Threads;
using CommunityHub.Domain.Ties;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Threads;

/// <summary>A member replies to a thread, optionally to one earlier post in it (kept as InReplyTo: who answered
/// whom). One path: the thread's row lock and the reply's id first, then one statement reads everything the
/// reply and its subscribers need, the thread decides and records, and the unit of work saves it all at once.</summary>
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
            // The thread's lock before anything is read: what the reply answers is derived from the posts before
            // it, and no other reply can be written in between.
            var postId = await keys.NextReplyAsync(request.ThreadId, cancellationToken)
                ?? throw new NotFoundException("Thread", request.ThreadId);

            var handles = drafts.HandlesIn(request.Body);
            var writerRows = writers.Rows;
            var parentId = request.InReplyToPostId;
            var participantsToRead = ties.Value.SharedThreadMaxParticipants + 1;
            var conversation = db.Posts.Where(ConversationPolicy.InTheConversation<Post>());
            var onThePage = db.Posts.Where(ConversationPolicy.OnThreadPage<Post>(author));
            var context = await (
                    from t in db.Threads
                    join s in db.Spaces.Where(ConversationPolicy.SpaceOpenTo(author)) on t.SpaceId equals s.Id
                    where t.Id == request.ThreadId && s.Slug == request.SpaceSlug
                    select new
                    {
                        Thread = t,
                        s.Slug,
                        s.Name,
                        Resent = db.Posts.Where(p => p.ThreadId == t.Id && p.AuthorId == me && p.SubmissionId == request.SubmissionId)
                            .Select(p => (long?)p.Id).FirstOrDefault(),
                        Writer = writerRows.FirstOrDefault(w => w.MemberId == me),
                        Mentioned = db.Members.Where(m => handles.Contains(m.Handle)).Select(m => new MentionedMember(m.Id, m.Handle)).ToList(),
                        // The groups the same handles name (@beta), in the same statement: whether the author may tell them is the draft's.
                        MentionedGroups = db.Groups.Where(g => g.MentionHandle != null && handles.Contains(g.MentionHandle))
                            .Select(g => new MentionedGroup(g.Id, g.MentionHandle!, g.MentionableBy, g.Members.Any(x => x.MemberId == me))).ToList(),
                        Parent = onThePage.Where(p => p.Id == parentId && p.ThreadId == t.Id)
                            .Select(p => new EarlierPost(p.AuthorId, p.AddressedToId)).FirstOrDefault(),
                        LatestByAnother = conversation.Where(p => p.ThreadId == t.Id && p.AuthorId != me).OrderByDescending(p => p.Id)
                            .Select(p => new EarlierPost(p.AuthorId, p.AddressedToId)).FirstOrDefault(),
                        LatestByStarter = conversation.Where(p => p.ThreadId == t.Id && p.AuthorId == t.AuthorId).OrderByDescending(p => p.Id)
                            .Select(p => new EarlierPost(p.AuthorId, p.AddressedToId)).FirstOrDefault(),
                        Participants = db.ThreadParticipants.Where(p => p.ThreadId == t.Id).OrderBy(p => p.FirstPostId)
                            .Select(p => p.MemberId).Take(participantsToRead).ToList(),
                        TookPart = db.ThreadParticipants.Any(p => p.ThreadId == t.Id && p.MemberId == me),
                        Follows = db.ThreadWatches.Any(w => w.ThreadId == t.Id && w.MemberId == me),
                    })
                .AsSingleQuery()
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Thread", request.ThreadId);
            if (context.Resent is { } existingPostId)
            {
                // The same form sent twice (a double click, a refresh): the reply exists already.
                return new Result(existingPostId, request.ThreadId, context.Slug);
            }

            var writer = context.Writer ?? throw new NotFoundException("Member", me);
            if (parentId is not null && context.Parent is null)
            {
                throw new ValidationException([new ValidationFailure(nameof(Command.InReplyToPostId), "The post you are replying to is not in this thread.")]);
            }

            // A staff note is never held; the thread's own rules (closed, locked) speak before the trust level's.
            ConversationPolicy.Reply(author, context.Thread, request.IsStaffNote, writer.Standing, clock.GetUtcNow()).Enforce();
            var admitted = request.IsStaffNote ? new Trust.Admitted(request.Body, null) : await admission.AdmitAsync(
                new Trust.Submission(author, writer, string.Empty, request.Body, request.Files.Count + request.AttachmentIds.Count, IsNewThread: false, request.ThreadId), cancellationToken);
            var files = await attachments.GatherAsync(me, request.Files, [.. request.AttachmentIds], cancellationToken);
            var reply = context.Thread.Reply(
                postId,
                author,
                writer.Standing,
                drafts.Draft(admitted.Body, context.Mentioned, request.SubmissionId, author, context.MentionedGroups),
                parentId,
                request.IsStaffNote,
                new ThreadSoFar(context.Parent, context.LatestByAnother, context.LatestByStarter, context.Participants, context.TookPart, context.Follows),
                new PostPlace(context.Thread.SpaceId, context.Slug, context.Name, writer.DisplayName),
                clock.GetUtcNow(),
                admitted.HeldBecause);
            db.Posts.Add(reply);
            for (var i = 0; i < files.Count; i++)
            {
                files[i].AttachTo(reply.Id, i, me, reply.CreatedAt);
            }

            return new Result(reply.Id, request.ThreadId, context.Slug);
        }
    }
}
