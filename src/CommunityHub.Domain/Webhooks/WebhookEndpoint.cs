using System.Security.Cryptography;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Moderation;

namespace CommunityHub.Domain.Webhooks;

/// <summary>A receiver an admin registered: where to send, which events, in which format, signed with its own secret.
/// It remembers since when it has been failing, and is switched off after failing for <see cref="DisableAfter"/>
/// without a single success, so a dead receiver does not collect deliveries for ever. An admin's every change lands in
/// the audit log, described by name, host and choices: never the secret, nor the whole address (a Slack incoming
/// webhook's path is its own secret).</summary>
public sealed class WebhookEndpoint : AggregateRoot
{
    public const int UrlMaxLength = 2000;
    public const int NameMaxLength = 100;

    /// <summary>A receiver that has answered nothing but errors for this long is disabled, and the admins told.</summary>
    public static readonly TimeSpan DisableAfter = TimeSpan.FromDays(1);

    private WebhookEndpoint(Guid id, string name, string url, string secret, DateTimeOffset createdAt)
    {
        Id = id;
        Name = name;
        Url = url;
        Secret = secret;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    /// <summary>What the admins call it ("Support triage in Slack").</summary>
    public string Name { get; private set; }

    public string Url { get; private set; }

    /// <summary>The key of the HMAC-SHA256 signature; shown to admins so the receiver can verify.</summary>
    public string Secret { get; private set; }

    public WebhookEventTypes Events { get; private set; }

    public WebhookFormat Format { get; private set; }

    /// <summary>Internal receivers (the company's own systems) also get staff notes and posts in members-only or
    /// group-restricted spaces; any other gets only what an anonymous visitor could read.</summary>
    public bool Internal { get; private set; }

    public bool Enabled { get; private set; }

    /// <summary>The first failure since the last success; null while the receiver answers.</summary>
    public DateTimeOffset? FailingSince { get; private set; }

    /// <summary>Set when the endpoint was switched off for failing (not when an admin switched it off).</summary>
    public DateTimeOffset? DisabledForFailingAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static WebhookEndpoint Create(Guid adminId, string name, Uri url, WebhookEventTypes events, WebhookFormat format, bool isInternal, bool enabled, DateTimeOffset now)
    {
        var endpoint = new WebhookEndpoint(Guid.NewGuid(), string.Empty, string.Empty, NewSecret(), now);
        endpoint.Apply(name, url, events, format, isInternal, enabled);
        endpoint.Record(new IntegrationAdministered(adminId, ModerationAction.AddWebhook, null, endpoint.Describe(), now));
        return endpoint;
    }

    /// <summary>An admin's edit. Enabling again clears the failure record: the admin says the receiver works now.</summary>
    public void Change(Guid adminId, string name, Uri url, WebhookEventTypes events, WebhookFormat format, bool isInternal, bool enabled, DateTimeOffset now)
    {
        var formerUrl = Url;
        Apply(name, url, events, format, isInternal, enabled);
        Record(new IntegrationAdministered(adminId, ModerationAction.EditWebhook, null,
            Describe() + (Url == formerUrl ? string.Empty : "; new address"), now));
    }

    /// <summary>An admin deletes the endpoint (the caller removes it, with its deliveries).</summary>
    public void Delete(Guid adminId, DateTimeOffset now) =>
        Record(new IntegrationAdministered(adminId, ModerationAction.DeleteWebhook, null, Describe(), now));

    /// <summary>What the audit log says of it: "“Triage” at hooks.example.com: thread.started, reply.posted; Slack; internal; off".</summary>
    public string Describe()
    {
        var events = string.Join(", ", WebhookEventNames.All.Where(e => Events.HasFlag(e.Type)).Select(e => e.Name));
        return $"\u201c{Name}\u201d at {new Uri(Url).Host}: {events}; {(Format == WebhookFormat.Slack ? "Slack" : "JSON")}"
            + (Internal ? "; internal" : string.Empty) + (Enabled ? string.Empty : "; off");
    }

    private void Apply(string name, Uri url, WebhookEventTypes events, WebhookFormat format, bool isInternal, bool enabled)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!IsDeliverable(url))
        {
            throw new DomainException("A webhook URL is an absolute http:// or https:// address.");
        }

        if (events == WebhookEventTypes.None)
        {
            throw new DomainException("Choose at least one event.");
        }

        Name = Guard.Text(name, NameMaxLength, "A name");
        Url = url.AbsoluteUri;
        Events = events;
        Format = format;
        Internal = isInternal;
        if (enabled && !Enabled)
        {
            FailingSince = null;
            DisabledForFailingAt = null;
        }

        Enabled = enabled;
    }

    /// <summary>Only absolute http and https addresses: no file:, ftp: or javascript: to make the server fetch.</summary>
    public static bool IsDeliverable(Uri url) =>
        url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) && !string.IsNullOrEmpty(url.Host);

    /// <summary>Whether the endpoint wants an event of <paramref name="type"/> that <paramref name="forInternalOnly"/>
    /// says is for internal receivers only.</summary>
    public bool Wants(WebhookEventTypes type, bool forInternalOnly) => Enabled && Events.HasFlag(type) && (Internal || !forInternalOnly);

    /// <summary>256 random bits, as hex: what receivers paste into their verifier.</summary>
    public static string NewSecret() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
