using CommunityHub.Application.Common.Validation;
using CommunityHub.Domain.Members;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using FluentValidation;
using CommunityHub.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Moderation;

/// <summary>A moderator acts on a flag from the queue: dismiss it, hide the post, warn its author, or
/// suspend its author. Every open flag on the same post is settled by the one decision.</summary>
public static class ResolveFlag
{
    public enum Outcome
    {
        Dismiss,
        HidePost,
        WarnAuthor,
        SuspendAuthor,
    }

    [Authorize(Powers.Moderate)]
    public sealed class Command : ICommand<Unit>
    {
        public long FlagId { get; set; }

        public Outcome Outcome { get; set; }

        /// <summary>Shown to the author when the post is hidden, they are warned or suspended.</summary>
        public string? Reason { get; set; }

        public DateOnly? Until { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Outcome).IsInEnum().WithMessage("Choose what to do about the flag.");
            RuleFor(c => c.Reason!).ValidModerationReason().When(c => c.Outcome != Outcome.Dismiss);
        }
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock, IMediator mediator)
        : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var found = await db.Flags.Where(f => f.Id == request.FlagId)
                .Select(f => new { Flag = f, AuthorId = db.Posts.Where(p => p.Id == f.PostId).Select(p => p.AuthorId).First() })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Flag", request.FlagId);
            if (found.Flag.ResolvedAt is not null)
            {
                throw new DomainException("Another moderator dealt with this flag already.");
            }

            // Hiding the post or acting on its author settles every open flag on it (SettleFlags); dismissing does here.
            switch (request.Outcome)
            {
                case Outcome.Dismiss:
                    found.Flag.Dismiss(currentUser.MemberId!.Value, request.Reason, clock.GetUtcNow());
                    break;
                case Outcome.HidePost:
                    await mediator.Send(new HidePost.Command { PostId = found.Flag.PostId, Reason = request.Reason! }, cancellationToken);
                    break;
                case Outcome.WarnAuthor or Outcome.SuspendAuthor:
                    await mediator.Send(
                        new SanctionMember.Command
                        {
                            MemberId = found.AuthorId,
                            Sanction = request.Outcome == Outcome.WarnAuthor ? SanctionMember.Sanction.Warn : SanctionMember.Sanction.Suspend,
                            Until = request.Until,
                            Reason = request.Reason!,
                            PostId = found.Flag.PostId,
                        },
                        cancellationToken);
                    break;
            }

            return Unit.Value;
        }
    }
}
