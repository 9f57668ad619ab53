namespace CommunityHub.Domain.Webhooks;

/// <summary>What an endpoint can subscribe to. Flags: an endpoint stores the set it wants in one column.</summary>
[Flags]
public enum WebhookEventTypes
{
    None = 0,
    ThreadStarted = 1,
    ReplyPosted = 2,
    AnswerAccepted = 4,
    PostFlagged = 8,
    /// <summary>A person made an account (not a service bot, not the demo): their public profile, never their address.</summary>
    MemberRegistered = 16,
    IdeaStatusChanged = 32,
}

/// <summary>The names receivers see in the payload's <c>type</c> and the <c>CommunityHub-Event</c> header: part of
/// the public contract, so written once here and never derived from C# names.</summary>
public static class WebhookEventNames
{
    public static readonly IReadOnlyList<(WebhookEventTypes Type, string Name, string Label)> All =
    [
        (WebhookEventTypes.ThreadStarted, "thread.started", "A thread is started"),
        (WebhookEventTypes.ReplyPosted, "reply.posted", "A reply is posted"),
        (WebhookEventTypes.AnswerAccepted, "answer.accepted", "An answer is accepted"),
        (WebhookEventTypes.PostFlagged, "post.flagged", "A post is flagged"),
        (WebhookEventTypes.MemberRegistered, "member.registered", "A member registered"),
        (WebhookEventTypes.IdeaStatusChanged, "idea.status_changed", "An idea's status changes"),
    ];

    /// <summary>The test ping an admin sends from the endpoint's page; no endpoint subscribes to it.</summary>
    public const string Ping = "ping";

    public static string Of(WebhookEventTypes type) =>
        All.FirstOrDefault(e => e.Type == type).Name ?? throw new ArgumentOutOfRangeException(nameof(type), type, "Exactly one event type.");
}

/// <summary>The body an endpoint receives: CommunityHub's own JSON, or what a Slack (or Mattermost, Rocket.Chat)
/// incoming webhook reads, so that new threads reach a channel without code.</summary>
public enum WebhookFormat
{
    Json = 1,
    Slack = 2,
}
