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

/// <summary>A moderator moves a thread to the space where it belongs; both spaces' counters follow, and old links redirect.</summary>
public static class MoveThread
{
    [Authorize(Powers.Moderate)]
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

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, IKeys keys, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            // The thread's lock first, as every writer takes it: the spaces' counters are recounted after.
            if (!await keys.LockThreadAsync(request.ThreadId, cancellationToken))
            {
                throw new NotFoundException("Thread", request.ThreadId);
            }

            var found = await db.Threads.Where(t => t.Id == request.ThreadId)
                .Select(t => new { Thread = t, To = db.Spaces.Where(s => s.Slug == request.ToSpaceSlug).Select(s => new { s.Id, s.Name }).FirstOrDefault() })
                .FirstAsync(cancellationToken);
            var to = found.To
                ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(Command.ToSpaceSlug), "There is no such space.")]);
            if (to.Id == found.Thread.SpaceId)
            {
                throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(Command.ToSpaceSlug), "The thread is in that space already.")]);
            }

            found.Thread.MoveTo(to.Id, to.Name, currentUser.Viewer(), request.Reason, clock.GetUtcNow());
            return new Result(found.Thread.Id, request.ToSpaceSlug);
        }
    }
}
