using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Moderation;

/// <summary>One member's standing: roles, badge and title, whether they may post, and what moderators have
/// done about them. For moderators, and for the member themselves (their warnings and why they cannot post).</summary>
public static class GetMemberStanding
{
    [Authorize(Powers.Moderate)]
    public sealed record Query(Guid MemberId) : IRequest<Standing>;

    /// <summary>The signed-in member's own standing.</summary>
    [Authorize]
    public sealed record OwnQuery : IRequest<Standing>;

    public sealed record Standing(
        Guid Id,
        string DisplayName,
        DateTimeOffset JoinedAt,
        MemberBadge Badge,
        string? Title,
        IReadOnlyList<string> Roles,
        bool IsBanned,
        DateTimeOffset? SuspendedUntil,
        string? SanctionReason,
        IReadOnlyList<HistoryLine> History)
    {
        /// <summary>The member deleted their account (the name reads "former member").</summary>
        public bool IsFormer { get; init; }

        /// <summary>Their picture, which a moderator may take down; null when the initial shows.</summary>
        public Guid? AvatarId { get; init; }
    }

    public sealed record HistoryLine(DateTimeOffset At, string ModeratorName, ModerationAction Action, string? Reason, string? Detail);

    public sealed class Handler(ICommunityDb db, IIdentityService identity, TimeProvider clock, ICurrentUser currentUser)
        : IRequestHandler<Query, Standing>, IRequestHandler<OwnQuery, Standing>
    {
        public Task<Standing> Handle(OwnQuery request, CancellationToken cancellationToken) =>
            Handle(new Query(currentUser.MemberId!.Value), cancellationToken);

        public async Task<Standing> Handle(Query request, CancellationToken cancellationToken)
        {
            var member = await db.Members.AsNoTracking().Where(m => m.Id == request.MemberId)
                .Select(m => new { m.Id, m.DisplayName, m.JoinedAt, m.Badge, m.Title, m.IsBanned, m.SuspendedUntil, m.SanctionReason, m.FormerAt, m.AvatarId })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Member", request.MemberId);
            var history = await (
                    from e in db.ModerationLog.AsNoTracking()
                    join moderator in db.Members on e.ModeratorId equals moderator.Id
                    where e.MemberId == request.MemberId
                    orderby e.Id descending
                    select new HistoryLine(e.At, moderator.DisplayName, e.Action, e.Reason, e.Detail))
                .Take(50)
                .ToListAsync(cancellationToken);
            var roles = await identity.RolesOfAsync(member.Id, cancellationToken);
            var suspendedUntil = member.SuspendedUntil > clock.GetUtcNow() ? member.SuspendedUntil : null;
            return new Standing(
                member.Id, member.DisplayName, member.JoinedAt, member.Badge, member.Title,
                [.. Roles.All.Where(roles.Contains)], member.IsBanned, suspendedUntil,
                member.IsBanned || suspendedUntil is not null ? member.SanctionReason : null, history)
            {
                IsFormer = member.FormerAt is not null,
                AvatarId = member.AvatarId,
            };
        }
    }
}
