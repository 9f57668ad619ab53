namespace CommunityHub.Infrastructure.Identity.Sessions;

/// <summary>"Firefox on Windows" from a User-Agent header: enough for a member to recognise their own devices.</summary>
public static class DeviceNames
{
    public static string Describe(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "Unknown device";
        }

        var browser = Contains(userAgent, "Edg/") ? "Edge"
            : Contains(userAgent, "OPR/") ? "Opera"
            : Contains(userAgent, "Firefox/") ? "Firefox"
            : Contains(userAgent, "Chrome/") || Contains(userAgent, "Chromium/") ? "Chrome"
            : Contains(userAgent, "Safari/") ? "Safari"
            : null;
        var system = Contains(userAgent, "Android") ? "Android"
            : Contains(userAgent, "iPhone") || Contains(userAgent, "iPad") ? "iOS"
            : Contains(userAgent, "Windows") ? "Windows"
            : Contains(userAgent, "Mac OS X") || Contains(userAgent, "Macintosh") ? "macOS"
            : Contains(userAgent, "CrOS") ? "ChromeOS"
            : Contains(userAgent, "Linux") ? "Linux"
            : null;
        var described = (browser, system) switch
        {
            (not null, not null) => $"{browser} on {system}",
            (not null, null) => browser,
            (null, not null) => $"A browser on {system}",
            _ => userAgent.Trim(),
        };
        return described.Length > StoredSession.DeviceMaxLength ? described[..StoredSession.DeviceMaxLength] : described;
    }

    private static bool Contains(string userAgent, string part) => userAgent.Contains(part, StringComparison.Ordinal);
}
