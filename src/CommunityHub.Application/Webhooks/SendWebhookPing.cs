using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Webhooks;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Webhooks;

/// <summary>An admin sends a test ping to a receiver: queued like any delivery, signed the same way, and shown in the
/// delivery log, so the admin sees the receiver's answer there. A disabled endpoint is pinged too: that is how an
/// admin checks a receiver before switching it back on.</summary>
public static class SendWebhookPing
{
    [Authorize(Powers.Administer)]
    public sealed record Command(Guid EndpointId) : ICommand<Unit>;

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var endpoint = await db.WebhookEndpoints.AsNoTracking().Where(e => e.Id == request.EndpointId)
                    .Select(e => new { e.Id, e.Name, e.Format, e.Enabled })
                    .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("webhook endpoint", request.EndpointId);
            var now = clock.GetUtcNow();
            var eventId = Guid.NewGuid();
            var data = WebhookPayloads.Data(new { Endpoint = new { endpoint.Id, endpoint.Name }, SentBy = currentUser.MemberId });
            var body = WebhookPayloads.Body(endpoint.Format, eventId, WebhookEventNames.Ping, now, data,
                $"Test ping from the community to *{WebhookPayloads.SlackEscape(endpoint.Name)}*: it works.");
            db.WebhookDeliveries.Add(WebhookDelivery.Create(endpoint.Id, eventId, WebhookEventNames.Ping, body, now));
            return Unit.Value;
        }
    }
}
