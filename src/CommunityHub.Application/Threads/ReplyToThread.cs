using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Application.Moderation;
using CommunityHub.Domain.Threads;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Threads;

/// <summary>A member replies to a thread, optionally to one earlier post in it (kept as InReplyTo: who answered whom).</summary>
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

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, IMarkdownRenderer markdown, TimeProvider clock, IMediator mediator, PostingRights rights)
        : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var authorId = currentUser.MemberId!.Value;
            var viewer = Viewer.Of(currentUser);
            if (request.IsStaffNote && !viewer.SeesStaffNotes)
            {
                throw new ForbiddenException("Only staff, executives and moderators can write staff notes.");
            }

            var thread = await (
                    from t in db.Threads
                    join s in db.Spaces on t.SpaceId equals s.Id
                    where t.Id == request.ThreadId && s.Slug == request.SpaceSlug
                    select new { t.Id, t.SpaceId, t.IsLocked, t.IsClosed })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Thread", request.ThreadId);

            var earlier = await db.Posts
                .Where(p => p.AuthorId == authorId && p.SubmissionId == request.SubmissionId && p.ThreadId == thread.Id)
                .Select(p => (long?)p.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (earlier is { } existingPostId)
            {
                // The same form sent twice (a double click, a refresh): the reply exists already.
                return new Result(existingPostId, thread.Id, request.SpaceSlug);
            }

            var now = clock.GetUtcNow();
            await rights.EnsureMayPostAsync(authorId, now, cancellationToken);
            // Staff notes coordinate the company's people whatever the thread's state; replies respect it.
            if (!request.IsStaffNote && thread.IsClosed)
            {
                throw PostingRights.Refusal("This thread is closed, so it takes no new replies. Start a new thread if you have something to add.");
            }

            if (!request.IsStaffNote && thread.IsLocked && !currentUser.Moderates())
            {
                throw PostingRights.Refusal("This thread is locked: a moderator has paused the conversation, so new replies are not accepted.");
            }

            if (request.InReplyToPostId is { } parentId
                && !await db.Posts.AnyAsync(p => p.Id == parentId && p.ThreadId == thread.Id && (viewer.SeesStaffNotes || !p.IsStaffNote), cancellationToken))
            {
                throw new ValidationException([new ValidationFailure(nameof(Command.InReplyToPostId), "The post you are replying to is not in this thread.")]);
            }

            var rendered = await PostBody.RenderAsync(db, markdown, request.Body, cancellationToken);
            var reply = Post.Reply(thread.Id, authorId, request.Body, rendered.Html, request.InReplyToPostId, request.SubmissionId, now, request.IsStaffNote);
            reply.Mention(rendered.MentionedMemberIds);
            db.Posts.Add(reply);
            await db.SaveChangesAsync(cancellationToken);

            if (reply.IsStaffNote)
            {
                // Members must not learn of a note from a count or a "last reply by": no counter moves.
                await mediator.Publish(
                    new ReplyPosted(thread.Id, thread.SpaceId, reply.Id, authorId, reply.InReplyToPostId, reply.Body, reply.IsStaffNote, now, [.. reply.Mentions.Select(m => m.MemberId)]),
                    cancellationToken);
                return new Result(reply.Id, thread.Id, request.SpaceSlug);
            }

            // Counters move in SQL, atomically, so concurrent replies never lose an increment; the latest
            // activity never moves back when a reply written earlier commits after a later one.
            await db.Threads.Where(t => t.Id == thread.Id).ExecuteUpdateAsync(
                t => t.SetProperty(x => x.ReplyCount, x => x.ReplyCount + 1)
                      .SetProperty(x => x.LastPosterId, x => x.LastActivityAt > now ? x.LastPosterId : authorId)
                      .SetProperty(x => x.LastActivityAt, x => x.LastActivityAt > now ? x.LastActivityAt : now),
                cancellationToken);
            await db.Spaces.Where(s => s.Id == thread.SpaceId).ExecuteUpdateAsync(
                s => s.SetProperty(x => x.LastActiveThreadId, x => x.LastActivityAt > now ? x.LastActiveThreadId : thread.Id)
                      .SetProperty(x => x.LastActivityAt, x => x.LastActivityAt > now ? x.LastActivityAt : now),
                cancellationToken);

            await mediator.Publish(
                new ReplyPosted(thread.Id, thread.SpaceId, reply.Id, authorId, reply.InReplyToPostId, reply.Body, reply.IsStaffNote, now, [.. reply.Mentions.Select(m => m.MemberId)]),
                cancellationToken);
            return new Result(reply.Id, thread.Id, request.SpaceSlug);
        }
    }
}
