using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CommunityHub.Application.Escalation;

/// <summary>HMAC-SHA256 over <c>timestamp + "." + body</c> with the desk's signing secret, in both directions: on what we
/// send (so the desk can trust it) and on the desk's callbacks (so we can). The timestamp (Unix seconds) is part of
/// what is signed, so an old message replayed later is refused.</summary>
public static class DeskSignature
{
    /// <summary>Unix seconds when the message was signed.</summary>
    public const string TimestampHeader = "X-CommunityHub-Timestamp";

    /// <summary><c>sha256=</c> and the lowercase hex HMAC.</summary>
    public const string SignatureHeader = "X-CommunityHub-Signature";

    /// <summary>How old (or how far ahead) a signed callback may be.</summary>
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromMinutes(5);

    public static string Sign(string secret, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(body);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + body));
        return "sha256=" + Convert.ToHexStringLower(mac);
    }

    /// <returns>Null when the signature holds and is fresh; otherwise why not (for the log, never for the caller).</returns>
    public static string? Check(string secret, string? timestamp, string? signature, string body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return "unsigned";
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return "malformed timestamp";
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, seconds, body));
        var given = Encoding.ASCII.GetBytes(signature.Trim());
        // Compared in constant time, and before freshness, so the answer says nothing about the secret.
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return "signature does not match";
        }

        var age = now - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799));
        return age.Duration() > ReplayWindow ? "stale timestamp" : null;
    }

    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
