using CommunityHub.Domain.Common;
using CommunityHub.Domain.Moderation;

namespace CommunityHub.Domain.Escalation;

/// <summary>How the desk wants a case sent to it.</summary>
public enum DeskFormat
{
    /// <summary>Our own documented body; the desk answers <c>{"caseId": "...", "url": "..."}</c> and may call back.</summary>
    Generic,

    /// <summary>Zendesk's Tickets API (<c>POST /api/v2/tickets.json</c>).</summary>
    Zendesk,

    /// <summary>Salesforce's REST API (<c>POST /services/data/v60.0/sobjects/Case</c>).</summary>
    Salesforce,
}

/// <summary>The company's support desk that staff escalate threads to: one per community (id 1). Every change an admin
/// makes lands in the audit log by host and format: never the authorization value, the signing secret or the whole
/// address (its query or path may carry a key).</summary>
public sealed class SupportDesk : AggregateRoot
{
    public const int TheOne = 1;
    public const int UrlMaxLength = 500;
    public const int AuthorizationMaxLength = 1000;

    private SupportDesk(string url, DeskFormat format, string? authorization, string signingSecret, DateTimeOffset updatedAt)
    {
        Url = url;
        Format = format;
        Authorization = authorization;
        SigningSecret = signingSecret;
        UpdatedAt = updatedAt;
    }

    public int Id { get; private set; } = TheOne;

    public string Url { get; private set; }

    public DeskFormat Format { get; private set; }

    /// <summary>The Authorization header's value sent to the desk ("Basic …", "Bearer …"). Never shown back in full.</summary>
    public string? Authorization { get; private set; }

    /// <summary>Signs what we send (so the desk can trust it) and what the desk calls back with (so we can).</summary>
    public string SigningSecret { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The last characters of an authorization value, enough for an admin to recognise it, never the whole.</summary>
    public static string? HintOf(string? authorization) =>
        authorization is null ? null : $"\u2026{authorization[^Math.Min(4, authorization.Length / 4)..]}";

    public static SupportDesk Connect(Guid adminId, Uri url, DeskFormat format, string? authorization, string signingSecret, DateTimeOffset now)
    {
        var desk = new SupportDesk(CheckUrl(url).ToString(), format, Clean(authorization), CheckSecret(signingSecret), now);
        desk.Record(new IntegrationAdministered(adminId, ModerationAction.ConnectSupportDesk, null,
            $"{desk.Describe()}; {(desk.Authorization is null ? "no authorization" : "authorization set")}", now));
        return desk;
    }

    /// <param name="authorization">A new value; null keeps the stored one (the form never shows it back).</param>
    public void Change(Guid adminId, Uri url, DeskFormat format, string? authorization, bool clearAuthorization, DateTimeOffset now)
    {
        var formerUrl = Url;
        Url = CheckUrl(url).ToString();
        Format = format;
        var authorizationChange = "authorization kept";
        if (clearAuthorization)
        {
            authorizationChange = Authorization is null ? "no authorization" : "authorization removed";
            Authorization = null;
        }
        else if (Clean(authorization) is { } value)
        {
            authorizationChange = "authorization replaced";
            Authorization = value;
        }

        UpdatedAt = now;
        Record(new IntegrationAdministered(adminId, ModerationAction.EditSupportDesk, null,
            $"{Describe()}{(Url == formerUrl ? string.Empty : "; new address")}; {authorizationChange}", now));
    }

    public void ReplaceSecret(Guid adminId, string signingSecret, DateTimeOffset now)
    {
        SigningSecret = CheckSecret(signingSecret);
        UpdatedAt = now;
        Record(new IntegrationAdministered(adminId, ModerationAction.EditSupportDesk, null, $"{Describe()}; signing secret replaced", now));
    }

    /// <summary>The desk as the audit log names it: "desk.example.com, Zendesk".</summary>
    private string Describe() => $"{new Uri(Url).Host}, {Format}";

    /// <summary>Only an absolute http(s) address can be a desk.</summary>
    public static bool IsDeskAddress(Uri? url) =>
        url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) && url.Host.Length > 0 && url.ToString().Length <= UrlMaxLength;

    private static Uri CheckUrl(Uri url) =>
        IsDeskAddress(url) ? url : throw new DomainException("The desk's address must be an http:// or https:// address.");

    private static string CheckSecret(string secret) =>
        secret is { Length: >= 32 } ? secret : throw new DomainException("A signing secret needs at least 32 characters.");

    private static string? Clean(string? authorization)
    {
        var trimmed = authorization?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length > AuthorizationMaxLength || trimmed.Any(char.IsControl)
            ? throw new DomainException($"The authorization value must be one line of at most {AuthorizationMaxLength} characters.")
            : trimmed;
    }
}
