using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Reciprocity;
using CommunityHub.Domain.Ties;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Reciprocity;

/// <summary>The thread's starter (or a moderator, for them) marks the reply that answered the question,
/// changes it, or clears it. The answer's author helped the starter: a reciprocity record.</summary>
public static class AcceptAnswer
{
    [Authorize]
    public sealed class Command : ICommand<AcknowledgementResult>
    {
        public long ThreadId { get; set; }

        /// <summary>The reply to accept; null clears the accepted answer.</summary>
        public long? PostId { get; set; }
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, ITieStore ties, IOptions<TieOptions> options, TimeProvider clock, IMediator mediator)
        : IRequestHandler<Command, AcknowledgementResult>
    {
        public async Task<AcknowledgementResult> Handle(Command request, CancellationToken cancellationToken)
        {
            var me = currentUser.MemberId!.Value;
            var thread = await db.Threads.FirstOrDefaultAsync(t => t.Id == request.ThreadId, cancellationToken)
                ?? throw new NotFoundException("Thread", request.ThreadId);
            if (thread.AuthorId != me && !currentUser.Moderates())
            {
                throw new ForbiddenException("Only the person who started the thread, or a moderator, can choose its answer.");
            }

            var spaceSlug = await db.Spaces.Where(s => s.Id == thread.SpaceId).Select(s => s.Slug).SingleAsync(cancellationToken);
            var current = await db.ReciprocityRecords
                .FirstOrDefaultAsync(r => r.ThreadId == thread.Id && r.Kind == ReciprocityKind.AcceptedAnswer && r.RetractedAt == null, cancellationToken);
            if (current is not null && current.PostId == request.PostId)
            {
                return new AcknowledgementResult(thread.Id, spaceSlug, current.PostId);
            }

            var now = clock.GetUtcNow();
            if (current is not null)
            {
                await Acknowledgements.TakeBackAsync(db, ties, options.Value, current, now, cancellationToken);
            }

            if (request.PostId is not { } postId)
            {
                thread.ClearAnswer();
                await db.SaveChangesAsync(cancellationToken);
                return new AcknowledgementResult(thread.Id, spaceSlug, current?.PostId ?? 0);
            }

            var post = await Acknowledgements.FindAsync(db, postId, cancellationToken);
            if (!post.IsAvailable)
            {
                throw new DomainException("This reply has been removed and cannot be the answer.");
            }

            thread.AcceptAnswer(post.Id, post.ThreadId, post.IsOpeningPost);
            var record = ReciprocityRecord.Give(ReciprocityKind.AcceptedAnswer, post.Id, thread.Id, thread.AuthorId, post.AuthorId, me, now);
            await Acknowledgements.GiveAsync(db, ties, mediator, options.Value, record, cancellationToken);
            return post.Result;
        }
    }
}
