namespace CommunityHub.Domain.Webhooks;

/// <summary>One event on its way to one endpoint, with the body it sends (built once, so every retry sends the same
/// bytes) and what the receiver answered last. Retried with <see cref="Backoff"/> up to <see cref="MaxAttempts"/>;
/// an admin can queue it again (<see cref="Redeliver"/>).</summary>
public sealed class WebhookDelivery
{
    public const int MaxAttempts = 8;

    public const int ErrorMaxLength = 1000;

    private WebhookDelivery(Guid endpointId, Guid eventId, string eventName, string body, DateTimeOffset createdAt)
    {
        EndpointId = endpointId;
        EventId = eventId;
        EventName = eventName;
        Body = body;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
    }

    public long Id { get; private set; }

    public Guid EndpointId { get; private set; }

    public Guid EventId { get; private set; }

    /// <summary>"thread.started", … or "ping".</summary>
    public string EventName { get; private set; }

    public string Body { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>A worker that claimed it holds it until then; after, another may take it (the first died).</summary>
    public DateTimeOffset? LockedUntil { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>Set after <see cref="MaxAttempts"/> failures; kept for the delivery log.</summary>
    public DateTimeOffset? FailedAt { get; private set; }

    public DateTimeOffset? LastAttemptAt { get; private set; }

    /// <summary>The receiver's HTTP status, or null when there was no answer (timeout, refused connection).</summary>
    public int? LastStatusCode { get; private set; }

    public int? LastResponseMilliseconds { get; private set; }

    public string? LastError { get; private set; }

    public static WebhookDelivery Create(Guid endpointId, Guid eventId, string eventName, string body, DateTimeOffset now) =>
        new(endpointId, eventId, eventName, body, now);

    /// <summary>Queues it again, as if new (an admin's "Redeliver"): a fresh set of attempts, the same event id.</summary>
    public void Redeliver(DateTimeOffset now)
    {
        Attempts = 0;
        NextAttemptAt = now;
        LockedUntil = null;
        DeliveredAt = null;
        FailedAt = null;
    }

    /// <summary>Waits before the next try: 30 s, 1, 2, 4 … minutes, at most an hour (about an hour in all over the attempts).</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));
}
