using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Moderation;

/// <summary>A moderator warns, suspends (until a date), bans or reinstates a member. A suspended or banned
/// member can still read. Nobody sanctions themselves, and a moderator cannot sanction an admin.</summary>
public static class SanctionMember
{
    public enum Sanction
    {
        Warn,
        Suspend,
        Ban,
        Reinstate,
    }

    [Authorize(Roles = RoleSets.Moderators)]
    public sealed class Command : ICommand<Unit>
    {
        public Guid MemberId { get; set; }

        public Sanction Sanction { get; set; }

        /// <summary>For a suspension: the first day the member may post again (from 00:00 UTC).</summary>
        public DateOnly? Until { get; set; }

        public string Reason { get; set; } = string.Empty;

        /// <summary>The post that led to it, when acting from a flag.</summary>
        public long? PostId { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Sanction).IsInEnum().WithMessage("Choose what to do.");
            RuleFor(c => c.Reason).ValidModerationReason().When(c => c.Sanction != Sanction.Reinstate);
            RuleFor(c => c.Until)
                .NotNull().WithMessage("Choose the date the suspension ends.")
                .Must(until => until > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("A suspension ends after today.")
                .When(c => c.Sanction == Sanction.Suspend);
        }
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, IIdentityService identity, TimeProvider clock, IMediator mediator)
        : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            await Sanctions.ApplyAsync(db, currentUser, identity, mediator, request, clock.GetUtcNow(), cancellationToken);
            return Unit.Value;
        }
    }
}

internal static class Sanctions
{
    public static async Task ApplyAsync(
        ICommunityDb db, ICurrentUser currentUser, IIdentityService identity, IMediator mediator, SanctionMember.Command request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var moderatorId = currentUser.MemberId!.Value;
        var member = await db.Members.FirstOrDefaultAsync(m => m.Id == request.MemberId, cancellationToken)
            ?? throw new NotFoundException("Member", request.MemberId);
        if (member.Id == moderatorId)
        {
            throw new ForbiddenException("You cannot moderate yourself.");
        }

        if (!currentUser.IsInRole(Roles.Admin) && (await identity.RolesOfAsync(member.Id, cancellationToken)).Contains(Roles.Admin))
        {
            throw new ForbiddenException("A moderator cannot suspend, ban or warn an admin.");
        }

        DateTimeOffset? until = null;
        var action = request.Sanction switch
        {
            SanctionMember.Sanction.Warn => ModerationAction.WarnMember,
            SanctionMember.Sanction.Suspend => ModerationAction.SuspendMember,
            SanctionMember.Sanction.Ban => ModerationAction.BanMember,
            SanctionMember.Sanction.Reinstate => ModerationAction.ReinstateMember,
            _ => throw new ArgumentOutOfRangeException(nameof(request)),
        };
        switch (request.Sanction)
        {
            case SanctionMember.Sanction.Suspend:
                until = new DateTimeOffset(request.Until!.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                member.Suspend(until.Value, request.Reason, now);
                break;
            case SanctionMember.Sanction.Ban:
                member.Ban(request.Reason);
                break;
            case SanctionMember.Sanction.Reinstate when member.MayPostAt(now):
                throw PostingRights.Refusal($"{member.DisplayName} is neither suspended nor banned.");
            case SanctionMember.Sanction.Reinstate:
                member.Reinstate();
                break;
        }

        if (request.PostId is { } postId)
        {
            await Flags.SettleAsync(db, postId, moderatorId,
                request.Sanction == SanctionMember.Sanction.Warn ? FlagResolution.AuthorWarned : FlagResolution.AuthorSuspended, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await mediator.Publish(
            new MemberModerated(moderatorId, member.Id, action, string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim(), until, null, request.PostId, now),
            cancellationToken);
    }
}
