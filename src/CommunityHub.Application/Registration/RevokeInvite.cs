using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Registration;

/// <summary>An admin withdraws an invite link: whoever opens it afterwards is told so; accounts it made stay.</summary>
public static class RevokeInvite
{
    [Authorize(Powers.Administer)]
    public sealed record Command(Guid InviteId) : ICommand<Unit>;

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var invite = await db.Invites.FirstOrDefaultAsync(i => i.Id == request.InviteId, cancellationToken)
                ?? throw new NotFoundException("Invite", request.InviteId);
            invite.Revoke(currentUser.MemberId!.Value, clock.GetUtcNow());
            return Unit.Value;
        }
    }
}
