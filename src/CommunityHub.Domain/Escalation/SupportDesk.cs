using CommunityHub.Domain.Common;

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

/// <summary>The company's support desk that staff escalate threads to: one per community (id 1).</summary>
public sealed class SupportDesk
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

    public static SupportDesk Connect(Uri url, DeskFormat format, string? authorization, string signingSecret, DateTimeOffset now) =>
        new(CheckUrl(url).ToString(), format, Clean(authorization), CheckSecret(signingSecret), now);

    /// <param name="authorization">A new value; null keeps the stored one (the form never shows it back).</param>
    public void Change(Uri url, DeskFormat format, string? authorization, bool clearAuthorization, DateTimeOffset now)
    {
        Url = CheckUrl(url).ToString();
        Format = format;
        if (clearAuthorization)
        {
            Authorization = null;
        }
        else if (Clean(authorization) is { } value)
        {
            Authorization = value;
        }

        UpdatedAt = now;
    }

    public void ReplaceSecret(string signingSecret, DateTimeOffset now)
    {
        SigningSecret = CheckSecret(signingSecret);
        UpdatedAt = now;
    }

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
