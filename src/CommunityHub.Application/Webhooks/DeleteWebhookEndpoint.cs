using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Webhooks;

/// <summary>An admin removes a receiver, with its delivery log and whatever it had not been sent yet.</summary>
public static class DeleteWebhookEndpoint
{
    [Authorize(Powers.Administer)]
    public sealed record Command(Guid EndpointId) : ICommand<Unit>;

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == request.EndpointId, cancellationToken)
                ?? throw new NotFoundException("webhook endpoint", request.EndpointId);
            // The deliveries go with it (a cascading key), in the same save; the audit log keeps what it was.
            endpoint.Delete(currentUser.MemberId!.Value, clock.GetUtcNow());
            db.WebhookEndpoints.Remove(endpoint);
            return Unit.Value;
        }
    }
}
