using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CommunityHub.Infrastructure.Webhooks;

/// <summary>How deliveries are signed, and how a receiver checks one (the README shows the same few lines):
/// <c>CommunityHub-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.body" with the secret&gt;</c>.
/// A receiver refuses a timestamp more than <see cref="ReplayWindow"/> away from its clock, so a captured
/// delivery cannot be replayed later.</summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "CommunityHub-Signature";
    public const string EventIdHeader = "CommunityHub-Event-Id";
    public const string EventHeader = "CommunityHub-Event";
    public const string DeliveryHeader = "CommunityHub-Delivery";

    public static readonly TimeSpan ReplayWindow = TimeSpan.FromMinutes(5);

    public static string Sign(string secret, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(body);
        var signed = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + body));
        return $"t={timestamp.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(signed)}";
    }

    /// <summary>A receiver's check: the header's form, the timestamp within the window, and the HMAC compared in constant time.</summary>
    public static bool Verify(string secret, string? header, string body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(body);
        var parts = (header ?? string.Empty).Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].Trim(), p => p[1].Trim());
        if (!parts.TryGetValue("t", out var t) || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            || !parts.TryGetValue("v1", out var given))
        {
            return false;
        }

        if ((now - DateTimeOffset.FromUnixTimeSeconds(timestamp)).Duration() > ReplayWindow)
        {
            return false;
        }

        var expected = Sign(secret, timestamp, body);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes($"t={t},v1={given}"));
    }
}
