namespace CommunityHub.Domain.Webhooks;

/// <summary>Something receivers may hear of, written in the same transaction as what happened (the outbox): its
/// payload is built then, from what the event carried, so a delivery says what was true at the time. A background
/// worker fans it out to the endpoints that want it and may see it (<see cref="InternalOnly"/>, and the space's and
/// the post's state at that moment), so the request that caused it never reads the endpoints.</summary>
public sealed class WebhookEvent
{
    private WebhookEvent(Guid id, WebhookEventTypes type, DateTimeOffset occurredAt, string data, string summary, int? spaceId, long? postId, bool internalOnly)
    {
        Id = id;
        Type = type;
        OccurredAt = occurredAt;
        Data = data;
        Summary = summary;
        SpaceId = spaceId;
        PostId = postId;
        InternalOnly = internalOnly;
    }

    /// <summary>Also the deliveries' <c>CommunityHub-Event-Id</c>: a receiver that sees it twice (a retry, a
    /// redelivery) knows it is the same event.</summary>
    public Guid Id { get; private set; }

    public WebhookEventTypes Type { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The <c>data</c> object of the JSON payload (thread, post, member, space, absolute links).</summary>
    public string Data { get; private set; }

    /// <summary>One line for a chat channel (Slack's mrkdwn), with the link.</summary>
    public string Summary { get; private set; }

    /// <summary>The space it happened in, whose audience is checked when the event is fanned out.</summary>
    public int? SpaceId { get; private set; }

    /// <summary>The post it is about: not sent once the post is hidden or deleted before fan-out.</summary>
    public long? PostId { get; private set; }

    /// <summary>Known at the time to be for internal receivers only (a staff note).</summary>
    public bool InternalOnly { get; private set; }

    public DateTimeOffset? FannedOutAt { get; private set; }

    public static WebhookEvent Create(WebhookEventTypes type, DateTimeOffset occurredAt, string data, string summary, int? spaceId, long? postId, bool internalOnly) =>
        new(Guid.NewGuid(), type, occurredAt, data, summary, spaceId, postId, internalOnly);
}
