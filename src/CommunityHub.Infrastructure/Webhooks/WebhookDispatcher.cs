using System.Diagnostics;
using System.Text;
using System.Text.Encodings.Web;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Webhooks;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Webhooks;
using CommunityHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityHub.Infrastructure.Webhooks;

/// <summary>Moves webhooks from the outbox to the receivers, safe with any number of app instances (like the
/// <see cref="Email.EmailDispatcher"/>): <see cref="FanOutAsync"/> turns each queued event into one delivery per
/// endpoint that wants it and may see it; <see cref="DeliverDueAsync"/> claims due deliveries with
/// <c>FOR UPDATE SKIP LOCKED</c> and a lease, posts each signed body with a short timeout, and records the status,
/// the response time and the error of every attempt. Failures back off; after <see cref="WebhookDelivery.MaxAttempts"/>
/// a delivery is given up and kept; an endpoint failing for <see cref="WebhookEndpoint.DisableAfter"/> is disabled and
/// the admins are written to.</summary>
public sealed class WebhookDispatcher(
    CommunityDbContext db,
    IHttpClientFactory clients,
    IWebhookLinks links,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger)
{
    public const string ClientName = "webhooks";

    /// <returns>How many events it fanned out.</returns>
    public async Task<int> FanOutAsync(CancellationToken cancellationToken)
    {
        var batch = options.Value.BatchSize;
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var events = await db.WebhookEvents
                .FromSql($"SELECT * FROM webhook_events WHERE fanned_out_at IS NULL ORDER BY occurred_at LIMIT {batch} FOR UPDATE SKIP LOCKED")
                .AsNoTracking()
                .ToListAsync(cancellationToken);
            if (events.Count == 0)
            {
                return 0;
            }

            var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(e => e.Enabled)
                .Select(e => new { e.Id, e.Events, e.Format, e.Internal, e.CreatedAt })
                .ToListAsync(cancellationToken);
            List<int> spaceIds = [.. events.Where(e => e.SpaceId is not null).Select(e => e.SpaceId!.Value).Distinct()];
            // A members-only or group-restricted space is for internal receivers only, as it stands now.
            var restricted = await db.Spaces.AsNoTracking().Where(s => spaceIds.Contains(s.Id))
                .Select(s => new { s.Id, Restricted = s.MembersOnly || s.Access.Any() })
                .ToDictionaryAsync(s => s.Id, s => s.Restricted, cancellationToken);
            List<long> postIds = [.. events.Where(e => e.PostId is not null).Select(e => e.PostId!.Value).Distinct()];
            // Hidden, deleted or (again) awaiting approval since: nobody outside hears of it.
            var withdrawn = (await db.Posts.AsNoTracking()
                    .Where(p => postIds.Contains(p.Id) && (p.HiddenAt != null || p.DeletedAt != null || p.AwaitingApproval))
                    .Select(p => p.Id)
                    .ToListAsync(cancellationToken))
                .ToHashSet();

            var now = clock.GetUtcNow();
            var queued = 0;
            foreach (var queuedEvent in events)
            {
                if (queuedEvent.PostId is { } postId && withdrawn.Contains(postId))
                {
                    continue;
                }

                // An unknown space (deleted meanwhile) counts as restricted: when in doubt, only internal receivers.
                var internalOnly = queuedEvent.InternalOnly || (queuedEvent.SpaceId is { } spaceId && restricted.GetValueOrDefault(spaceId, true));
                var name = WebhookEventNames.Of(queuedEvent.Type);
                foreach (var endpoint in endpoints.Where(e => e.Events.HasFlag(queuedEvent.Type) && (e.Internal || !internalOnly) && e.CreatedAt <= queuedEvent.OccurredAt))
                {
                    var body = WebhookPayloads.Body(endpoint.Format, queuedEvent.Id, name, queuedEvent.OccurredAt, queuedEvent.Data, queuedEvent.Summary);
                    db.WebhookDeliveries.Add(WebhookDelivery.Create(endpoint.Id, queuedEvent.Id, name, body, now));
                    queued++;
                }
            }

            List<Guid> ids = [.. events.Select(e => e.Id)];
            await db.WebhookEvents.Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(e => e.SetProperty(x => x.FannedOutAt, now), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogDebug("Fanned out {Count} webhook events into {Deliveries} deliveries", events.Count, queued);
            return events.Count;
        });
    }

    /// <summary>Forgets what was sent more than <see cref="WebhookOptions.RetainFor"/> ago: events fanned out, and
    /// deliveries delivered or given up, before then (as Discourse keeps its web hook events for a retention period).
    /// Their payloads carry members' names and words, which should not outlive their use. A delivery still waiting (for
    /// a disabled endpoint, or between attempts) is kept, however old. Two statements; instances may run it at once.</summary>
    /// <returns>How many events and deliveries it removed.</returns>
    public async Task<(int Events, int Deliveries)> PruneAsync(CancellationToken cancellationToken)
    {
        var retainFor = options.Value.RetainFor;
        if (retainFor <= TimeSpan.Zero)
        {
            return (0, 0);
        }

        var before = clock.GetUtcNow() - retainFor;
        var events = await db.WebhookEvents.Where(e => e.FannedOutAt < before).ExecuteDeleteAsync(cancellationToken);
        var deliveries = await db.WebhookDeliveries.Where(d => d.DeliveredAt < before || d.FailedAt < before).ExecuteDeleteAsync(cancellationToken);
        if (events + deliveries > 0)
        {
            logger.LogInformation("Removed {Events} webhook events and {Deliveries} deliveries sent before {Before}", events, deliveries, before);
        }

        return (events, deliveries);
    }

    /// <returns>How many deliveries it claimed (delivered or not).</returns>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var leaseEnd = now + settings.Lease;
        var batch = settings.BatchSize;
        var ping = WebhookEventNames.Ping;
        // A disabled endpoint gets nothing but an admin's test ping; what waits for it stays queued for when it is enabled.
        var claimed = await db.WebhookDeliveries
            .FromSql(
                $"""
                UPDATE webhook_deliveries SET locked_until = {leaseEnd}
                WHERE id IN (
                    SELECT d.id FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
                    WHERE d.delivered_at IS NULL AND d.failed_at IS NULL AND d.next_attempt_at <= {now}
                      AND (d.locked_until IS NULL OR d.locked_until < {now})
                      AND (e.enabled OR d.event_name = {ping})
                    ORDER BY d.next_attempt_at, d.id
                    LIMIT {batch}
                    FOR UPDATE OF d SKIP LOCKED)
                RETURNING *
                """)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        List<Guid> endpointIds = [.. claimed.Select(d => d.EndpointId).Distinct()];
        var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(e => endpointIds.Contains(e.Id))
            .Select(e => new { e.Id, e.Name, e.Url, e.Secret })
            .ToDictionaryAsync(e => e.Id, cancellationToken);
        var client = clients.CreateClient(ClientName);
        foreach (var delivery in claimed)
        {
            if (endpoints.TryGetValue(delivery.EndpointId, out var endpoint))
            {
                await DeliverAsync(client, delivery, endpoint.Id, endpoint.Name, endpoint.Url, endpoint.Secret, cancellationToken);
            }
        }

        return claimed.Count;
    }

    private async Task DeliverAsync(HttpClient client, WebhookDelivery delivery, Guid endpointId, string endpointName, string url, string secret, CancellationToken cancellationToken)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, timestamp, delivery.Body));
        request.Headers.Add(WebhookSignature.EventIdHeader, delivery.EventId.ToString());
        request.Headers.Add(WebhookSignature.EventHeader, delivery.EventName);
        request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.UserAgent.ParseAdd("CommunityHub-Webhooks/1");

        int? status = null;
        string? error = null;
        var watch = Stopwatch.StartNew();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.Timeout);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                error = $"The receiver answered {status} {response.ReasonPhrase}.";
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = $"No answer within {options.Value.Timeout.TotalSeconds:0.#} s.";
        }
        catch (HttpRequestException exception)
        {
            error = exception.Message;
        }

        var elapsed = (int)Math.Min(int.MaxValue, watch.ElapsedMilliseconds);
        var at = clock.GetUtcNow();
        if (error is null)
        {
            await db.WebhookDeliveries.Where(d => d.Id == delivery.Id).ExecuteUpdateAsync(
                d => d.SetProperty(x => x.DeliveredAt, at)
                    .SetProperty(x => x.Attempts, x => x.Attempts + 1)
                    .SetProperty(x => x.LastAttemptAt, at)
                    .SetProperty(x => x.LastStatusCode, status)
                    .SetProperty(x => x.LastResponseMilliseconds, elapsed)
                    .SetProperty(x => x.LastError, (string?)null)
                    .SetProperty(x => x.LockedUntil, (DateTimeOffset?)null),
                CancellationToken.None);
            await db.WebhookEndpoints.Where(e => e.Id == endpointId && e.FailingSince != null)
                .ExecuteUpdateAsync(e => e.SetProperty(x => x.FailingSince, (DateTimeOffset?)null), CancellationToken.None);
            logger.LogInformation("Webhook delivery {DeliveryId} ({Event}) to {EndpointId} answered {Status} in {Milliseconds} ms",
                delivery.Id, delivery.EventName, endpointId, status, elapsed);
            return;
        }

        var attempts = delivery.Attempts + 1;
        DateTimeOffset? givenUp = attempts >= WebhookDelivery.MaxAttempts ? at : null;
        var next = at + WebhookDelivery.Backoff(attempts);
        error = error.Length > WebhookDelivery.ErrorMaxLength ? error[..WebhookDelivery.ErrorMaxLength] : error;
        await db.WebhookDeliveries.Where(d => d.Id == delivery.Id).ExecuteUpdateAsync(
            d => d.SetProperty(x => x.Attempts, attempts)
                .SetProperty(x => x.NextAttemptAt, next)
                .SetProperty(x => x.FailedAt, givenUp)
                .SetProperty(x => x.LastAttemptAt, at)
                .SetProperty(x => x.LastStatusCode, status)
                .SetProperty(x => x.LastResponseMilliseconds, elapsed)
                .SetProperty(x => x.LastError, error)
                .SetProperty(x => x.LockedUntil, (DateTimeOffset?)null),
            CancellationToken.None);
        logger.LogWarning("Webhook delivery {DeliveryId} ({Event}) to {EndpointId} failed on attempt {Attempt}: {Error}; {Outcome}",
            delivery.Id, delivery.EventName, endpointId, attempts, error, givenUp is null ? $"retrying after {next:u}" : "giving up and keeping it");
        await RecordFailureAsync(endpointId, endpointName, at);
    }

    /// <summary>Starts or continues the endpoint's failing spell; a spell of a day disables it. The conditional UPDATE
    /// decides which instance disables it, so the admins are written to once.</summary>
    private async Task RecordFailureAsync(Guid endpointId, string endpointName, DateTimeOffset at)
    {
        await db.WebhookEndpoints.Where(e => e.Id == endpointId && e.FailingSince == null)
            .ExecuteUpdateAsync(e => e.SetProperty(x => x.FailingSince, at), CancellationToken.None);
        var since = at - WebhookEndpoint.DisableAfter;
        var disabled = await db.WebhookEndpoints.Where(e => e.Id == endpointId && e.Enabled && e.FailingSince <= since)
            .ExecuteUpdateAsync(e => e.SetProperty(x => x.Enabled, false).SetProperty(x => x.DisabledForFailingAt, at), CancellationToken.None);
        if (disabled == 0)
        {
            return;
        }

        logger.LogWarning("Webhook endpoint {EndpointId} disabled: it failed every delivery for {Period}", endpointId, WebhookEndpoint.DisableAfter);
        await TellAdminsAsync(endpointId, endpointName, at);
    }

    private async Task TellAdminsAsync(Guid endpointId, string endpointName, DateTimeOffset at)
    {
        var admins = await (
                from a in db.Accounts
                join m in db.Members on a.MemberId equals m.Id
                where a.Roles.Contains(Roles.Admin) && a.EmailConfirmed
                select new { a.Email, m.DisplayName })
            .AsNoTracking()
            .ToListAsync(CancellationToken.None);
        var link = links.Endpoint(endpointId);
        var subject = $"Webhook \u201c{endpointName}\u201d was disabled";
        var text = $"The webhook endpoint \u201c{endpointName}\u201d failed every delivery for a day and was switched off. " +
            $"Nothing more is sent to it until an admin enables it again.\n\nIts delivery log: {link}\n";
        var html = $"<p>The webhook endpoint \u201c{HtmlEncoder.Default.Encode(endpointName)}\u201d failed every delivery for a day and was switched off. " +
            $"Nothing more is sent to it until an admin enables it again.</p><p><a href=\"{HtmlEncoder.Default.Encode(link)}\">Its delivery log</a></p>";
        foreach (var admin in admins)
        {
            db.Emails.Add(new EmailContent(subject, text, html).To(admin.Email, admin.DisplayName, "webhook-disabled", at));
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }
}
