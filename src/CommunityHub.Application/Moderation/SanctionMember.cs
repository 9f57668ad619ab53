using CommunityHub.Application.Common.Validation;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
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

    [Authorize(Powers.Moderate)]
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

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var found = await db.Members.Where(m => m.Id == request.MemberId)
                .Select(m => new { Member = m, IsAdmin = db.Accounts.Any(a => a.MemberId == m.Id && a.Roles.Contains(Roles.Admin)) })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Member", request.MemberId);
            var (member, by, now) = (found.Member, currentUser.Viewer(), clock.GetUtcNow());
            switch (request.Sanction)
            {
                case Sanction.Warn:
                    member.Warn(by, found.IsAdmin, request.Reason, request.PostId, now);
                    break;
                case Sanction.Suspend:
                    member.Suspend(by, found.IsAdmin, new DateTimeOffset(request.Until!.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), request.Reason, request.PostId, now);
                    break;
                case Sanction.Ban:
                    member.Ban(by, found.IsAdmin, request.Reason, request.PostId, now);
                    break;
                case Sanction.Reinstate:
                    member.Reinstate(by, found.IsAdmin, now);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(request));
            }

            return Unit.Value;
        }
    }
}
