using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Registration;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Registration;

/// <summary>The admins' list of invite links, newest first, each with its state; and, for anyone holding a link, whether
/// it still lets them in.</summary>
public static class GetInvites
{
    public const int Shown = 200;

    [Authorize(Powers.Administer)]
    public sealed record Query : IRequest<InviteList>;

    /// <summary>What the registration page says about a link: null refusal when it may be used.</summary>
    public sealed record CheckQuery(string? Code) : IRequest<InviteCheck>;

    public sealed record InviteList(bool InviteOnly, IReadOnlyList<string> AllowedDomains, IReadOnlyList<InviteRow> Invites);

    public sealed record InviteRow(Guid Id, string Code, string Note, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, int? MaxUses, int Uses, InviteState State)
    {
        public bool IsUsable => State == InviteState.Usable;

        public bool IsRevoked => State == InviteState.Withdrawn;
    }

    /// <param name="Needed">Whether registering needs an invite (invite-only mode).</param>
    /// <param name="Refusal">Why the code given does not let anyone in; null when it does, or when none was given and none is needed.</param>
    public sealed record InviteCheck(bool Needed, string? Refusal);

    public sealed class Handler(ICommunityDb db, RegistrationGate gate, IOptionsSnapshot<RegistrationOptions> options, TimeProvider clock) :
        IRequestHandler<Query, InviteList>, IRequestHandler<CheckQuery, InviteCheck>
    {
        public async Task<InviteList> Handle(Query request, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var invites = await (
                    from i in db.Invites.AsNoTracking()
                    join m in db.Members on i.CreatedById equals m.Id
                    orderby i.CreatedAt descending
                    select new { Invite = i, m.DisplayName })
                .Take(Shown)
                .ToListAsync(cancellationToken);
            return new InviteList(options.Value.InviteOnly, options.Value.AllowedDomains().Domains,
                [.. invites.Select(x => new InviteRow(x.Invite.Id, x.Invite.Code, x.Invite.Note, x.DisplayName, x.Invite.CreatedAt, x.Invite.ExpiresAt, x.Invite.MaxUses, x.Invite.Uses, x.Invite.StateAt(now)))]);
        }

        public async Task<InviteCheck> Handle(CheckQuery request, CancellationToken cancellationToken) =>
            new(gate.InviteOnly, await gate.InviteRefusalAsync(request.Code, cancellationToken));
    }
}
