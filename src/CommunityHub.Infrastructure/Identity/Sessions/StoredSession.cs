namespace CommunityHub.Infrastructure.Identity.Sessions;

/// <summary>One sign-in, kept on the server: the cookie carries only <see cref="Id"/>, so deleting the row signs that
/// cookie (and every copy of it) out on every instance at once.</summary>
public sealed class StoredSession
{
    public const int DeviceMaxLength = 120;

    /// <summary>256 random bits, base64url: unguessable, and useless without the cookie's encryption anyway.</summary>
    public string Id { get; set; } = string.Empty;

    public Guid MemberId { get; set; }

    /// <summary>The authentication ticket (claims and properties), serialised by ASP.NET Core's TicketSerializer.</summary>
    public byte[] Ticket { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>"Firefox on Linux", from the User-Agent header of the sign-in.</summary>
    public string Device { get; set; } = string.Empty;

    public string? Address { get; set; }
}
