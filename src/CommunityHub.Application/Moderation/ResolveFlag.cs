using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Moderation;
using FluentValidation;
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

    [Authorize(Roles = RoleSets.Moderators)]
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

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, IIdentityService identity, TimeProvider clock, IMediator mediator)
        : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var moderatorId = currentUser.MemberId!.Value;
            var now = clock.GetUtcNow();
            var flag = await db.Flags.Where(f => f.Id == request.FlagId)
                .Join(db.Posts, f => f.PostId, p => p.Id, (f, p) => new { f.PostId, f.ResolvedAt, p.AuthorId })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Flag", request.FlagId);
            if (flag.ResolvedAt is not null)
            {
                throw PostingRights.Refusal("Another moderator dealt with this flag already.");
            }

            switch (request.Outcome)
            {
                case Outcome.Dismiss:
                    await Flags.SettleAsync(db, flag.PostId, moderatorId, FlagResolution.Dismissed, now, cancellationToken);
                    await db.SaveChangesAsync(cancellationToken);
                    await mediator.Publish(new CommunityAdministered(moderatorId, ModerationAction.DismissFlag, null, flag.PostId, request.Reason, now), cancellationToken);
                    break;
                case Outcome.HidePost:
                    await Hiding.HideAsync(db, moderatorId, flag.PostId, request.Reason!, FlagResolution.PostHidden, now, mediator, cancellationToken);
                    break;
                case Outcome.WarnAuthor or Outcome.SuspendAuthor:
                    var sanction = new SanctionMember.Command
                    {
                        MemberId = flag.AuthorId,
                        Sanction = request.Outcome == Outcome.WarnAuthor ? SanctionMember.Sanction.Warn : SanctionMember.Sanction.Suspend,
                        Until = request.Until,
                        Reason = request.Reason!,
                        PostId = flag.PostId,
                    };
                    // The suspension's own rules (a date after today) are checked by its validator.
                    var validator = new SanctionMember.Validator(clock);
                    var checkedSanction = await validator.ValidateAsync(sanction, cancellationToken);
                    if (!checkedSanction.IsValid)
                    {
                        throw new ValidationException(checkedSanction.Errors);
                    }

                    await Sanctions.ApplyAsync(db, currentUser, identity, mediator, sanction, now, cancellationToken);
                    break;
            }

            return Unit.Value;
        }
    }
}
