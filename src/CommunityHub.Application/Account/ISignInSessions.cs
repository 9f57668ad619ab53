namespace CommunityHub.Application.Account;

/// <summary>The server-side sign-in sessions (one per sign-in cookie, kept in PostgreSQL so every instance agrees).
/// Ending a session makes its cookie worthless at once, wherever a copy of it is.</summary>
public interface ISignInSessions
{
    Task<IReadOnlyList<SignInSession>> ListAsync(Guid memberId, CancellationToken cancellationToken);

    /// <returns>False when the member has no such session.</returns>
    Task<bool> EndAsync(Guid memberId, string sessionId, CancellationToken cancellationToken);

    /// <summary>Ends every session of the member except <paramref name="keep"/> (none when null); returns how many ended.</summary>
    Task<int> EndAllAsync(Guid memberId, string? keep, CancellationToken cancellationToken);
}

public sealed record SignInSession(string Id, string Device, string? Address, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, DateTimeOffset ExpiresAt);

/// <summary>The request's own session and client address, for "keep this session" and for the account log.
/// Outside a web request (tests, commands) there is none.</summary>
public interface ICurrentSession
{
    string? SessionId { get; }

    string? ClientAddress { get; }
}

internal sealed class NoCurrentSession : ICurrentSession
{
    public string? SessionId => null;

    public string? ClientAddress => null;
}
