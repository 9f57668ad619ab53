using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Application.Common.Validation;
using CommunityHub.Domain.Moderation;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Moderation;

/// <summary>A moderator pins or unpins, locks or unlocks, closes or reopens a thread; each lands in the audit log.</summary>
public static class ModerateThread
{
    public enum Change
    {
        Pin,
        Unpin,
        Lock,
        Unlock,
        Close,
        Reopen,
    }

    [Authorize(Roles = RoleSets.Moderators)]
    public sealed class Command : ICommand<Unit>
    {
        public long ThreadId { get; set; }

        public Change Change { get; set; }

        /// <summary>Optional: why, for the audit log.</summary>
        public string? Reason { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Change).IsInEnum().WithMessage("Choose what to do with the thread.");
            RuleFor(c => c.Reason).MaximumLength(ModerationEntry.ReasonMaxLength)
                .WithMessage($"A reason can be at most {ModerationEntry.ReasonMaxLength} characters.")
                .StorableText();
        }
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock, IMediator mediator) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var thread = await db.Threads.FirstOrDefaultAsync(t => t.Id == request.ThreadId, cancellationToken)
                ?? throw new NotFoundException("Thread", request.ThreadId);
            (bool IsAlready, Action Apply, ModerationAction Logged, string State) action = request.Change switch
            {
                Change.Pin => (thread.IsPinned, thread.Pin, ModerationAction.PinThread, "pinned"),
                Change.Unpin => (!thread.IsPinned, thread.Unpin, ModerationAction.UnpinThread, "not pinned"),
                Change.Lock => (thread.IsLocked, thread.Lock, ModerationAction.LockThread, "locked"),
                Change.Unlock => (!thread.IsLocked, thread.Unlock, ModerationAction.UnlockThread, "not locked"),
                Change.Close => (thread.IsClosed, thread.Close, ModerationAction.CloseThread, "closed"),
                Change.Reopen => (!thread.IsClosed, thread.Reopen, ModerationAction.ReopenThread, "open"),
                _ => throw new ArgumentOutOfRangeException(nameof(request)),
            };
            if (action.IsAlready)
            {
                // Two moderators pressed the same button: the second one's page was out of date.
                throw PostingRights.Refusal($"The thread is {action.State} already.");
            }

            action.Apply();
            await db.SaveChangesAsync(cancellationToken);
            await mediator.Publish(
                new ThreadModerated(currentUser.MemberId!.Value, thread.Id, action.Logged, request.Reason, null, clock.GetUtcNow()),
                cancellationToken);
            return Unit.Value;
        }
    }
}
