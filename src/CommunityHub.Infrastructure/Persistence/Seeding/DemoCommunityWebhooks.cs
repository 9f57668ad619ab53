using CommunityHub.Domain.Webhooks;

namespace CommunityHub.Infrastructure.Persistence.Seeding;

/// <summary>Issue 17's webhooks in the demo: one endpoint on /admin/webhooks, in Slack format for new threads. It is
/// disabled and points at the discard port of the machine itself (127.0.0.1:9), so a demo never posts anywhere and
/// never collects failing deliveries; an admin sees the form, the secret and the headers, and can point it at a
/// real channel and enable it.</summary>
public sealed partial class DemoCommunity
{
    private async Task SeedWebhooksAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Seeded without the unit of work: the audit entry its event would make is not part of the demo.
        var endpoint = WebhookEndpoint.Create(
            _as["Ada"].MemberId!.Value,
            "Team chat: new threads (example, disabled)",
            new Uri("http://127.0.0.1:9/"),
            WebhookEventTypes.ThreadStarted,
            WebhookFormat.Slack,
            isInternal: false,
            enabled: false,
            now.AddDays(-7));
        endpoint.TakeDomainEvents();
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync(cancellationToken);
    }
}
