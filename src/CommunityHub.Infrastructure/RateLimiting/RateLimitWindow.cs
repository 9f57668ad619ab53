namespace CommunityHub.Infrastructure.RateLimiting;

/// <summary>How many times one key (a limit and an account or address, e.g. <c>Posting|member:…</c>) was used in
/// its current window, which starts at the key's first use. Shared by every instance of the app, so N
/// instances allow what one does.</summary>
public sealed class RateLimitWindow
{
    public string Key { get; private set; } = string.Empty;

    public DateTimeOffset WindowStart { get; private set; }

    /// <summary>When the window ends: the next use starts a new one, and until then the row may be swept away.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    public int Hits { get; private set; }
}
