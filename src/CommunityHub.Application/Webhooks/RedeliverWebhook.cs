using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Webhooks;

/// <summary>An admin queues a delivery again from the log ("Redeliver"): the same body and event id, a fresh set
/// of attempts. Only a delivery of the endpoint in the address: an id from another endpoint's log is not found.</summary>
public static class RedeliverWebhook
{
    [Authorize(Powers.Administer)]
    public sealed record Command(Guid EndpointId, long DeliveryId) : ICommand<Unit>;

    public sealed class Handler(ICommunityDb db, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var delivery = await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == request.DeliveryId && d.EndpointId == request.EndpointId, cancellationToken)
                ?? throw new NotFoundException("webhook delivery", request.DeliveryId);
            delivery.Redeliver(clock.GetUtcNow());
            return Unit.Value;
        }
    }
}
