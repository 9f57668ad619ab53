using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Application.Common.Validation;
using CommunityHub.Application.Maintenance;
using CommunityHub.Domain.Moderation;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Moderation;

/// <summary>A moderator moves a thread to the space where it belongs; both spaces' counters follow, and old links redirect.</summary>
public static class MoveThread
{
    [Authorize(Roles = RoleSets.Moderators)]
    public sealed class Command : ICommand<Result>
    {
        public long ThreadId { get; set; }

        public string ToSpaceSlug { get; set; } = string.Empty;

        public string? Reason { get; set; }
    }

    public sealed record Result(long ThreadId, string SpaceSlug);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ToSpaceSlug).NotEmpty().WithMessage("Choose the space to move the thread to.");
            RuleFor(c => c.Reason).MaximumLength(ModerationEntry.ReasonMaxLength)
                .WithMessage($"A reason can be at most {ModerationEntry.ReasonMaxLength} characters.")
                .StorableText();
        }
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock, IMediator mediator) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var thread = await db.Threads.FirstOrDefaultAsync(t => t.Id == request.ThreadId, cancellationToken)
                ?? throw new NotFoundException("Thread", request.ThreadId);
            var to = await db.Spaces.Where(s => s.Slug == request.ToSpaceSlug).Select(s => new { s.Id, s.Name }).FirstOrDefaultAsync(cancellationToken)
                ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(Command.ToSpaceSlug), "There is no such space.")]);
            if (to.Id == thread.SpaceId)
            {
                throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(Command.ToSpaceSlug), "The thread is in that space already.")]);
            }

            var from = thread.SpaceId;
            thread.MoveTo(to.Id);
            await db.SaveChangesAsync(cancellationToken);

            // Both spaces' thread counts and latest activity, recomputed from their threads.
            await SpaceCounters.RecountAsync(db, [from, to.Id], cancellationToken);
            await mediator.Publish(
                new ThreadModerated(currentUser.MemberId!.Value, thread.Id, ModerationAction.MoveThread, request.Reason, $"to {to.Name}", clock.GetUtcNow()),
                cancellationToken);
            return new Result(thread.Id, request.ToSpaceSlug);
        }
    }
}
