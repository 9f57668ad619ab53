using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.ApiTokens;

/// <summary>A token stops working at once: its member revokes their own, an admin any (a service token, a leaked one).</summary>
public static class RevokeApiToken
{
    [Authorize]
    public sealed record Command(Guid TokenId) : ICommand<Unit>;

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == request.TokenId, cancellationToken)
                ?? throw new NotFoundException("Token", request.TokenId);
            token.Revoke(currentUser.Viewer(), clock.GetUtcNow());
            return Unit.Value;
        }
    }
}
