using CommunityHub.Domain.Members;
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

    [Authorize(Powers.Moderate)]
    public sealed class Command : ICommand<Result>
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

    /// <summary>Where the thread is, for the page to go back to.</summary>
    public sealed record Result(long ThreadId, string SpaceSlug);

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var found = await db.Threads.Where(t => t.Id == request.ThreadId)
                .Select(t => new { Thread = t, Slug = db.Spaces.Where(s => s.Id == t.SpaceId).Select(s => s.Slug).First() })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Thread", request.ThreadId);
            var thread = found.Thread;
            var (by, reason, now) = (currentUser.Viewer(), request.Reason, clock.GetUtcNow());
            Action change = request.Change switch
            {
                Change.Pin => () => thread.Pin(by, reason, now),
                Change.Unpin => () => thread.Unpin(by, reason, now),
                Change.Lock => () => thread.Lock(by, reason, now),
                Change.Unlock => () => thread.Unlock(by, reason, now),
                Change.Close => () => thread.Close(by, reason, now),
                Change.Reopen => () => thread.Reopen(by, reason, now),
                _ => throw new ArgumentOutOfRangeException(nameof(request)),
            };
            change();
            return new Result(thread.Id, found.Slug);
        }
    }
}
