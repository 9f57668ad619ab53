using System.Security.Claims;
using System.Security.Cryptography;
using CommunityHub.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CommunityHub.Infrastructure.Identity.Sessions;

/// <summary>The sign-in cookie's session store (<see cref="CookieAuthenticationOptions.SessionStore"/>): the ticket
/// lives in PostgreSQL and the cookie holds only its key, so every instance agrees on who is signed in and signing
/// out (here, elsewhere, or everywhere) kills every copy of the cookie. The store is a singleton; each call uses its
/// own short-lived DbContext.</summary>
public sealed class PostgresTicketStore(IServiceScopeFactory scopes, TimeProvider clock) : ITicketStore
{
    /// <summary>The session's key, added to the stored principal so that the request knows its own session.</summary>
    public const string SessionClaim = "community:session";

    /// <summary>Set on the request when its session could not be read because the database is away.</summary>
    public const string SessionUnavailableItem = "CommunityHub.SessionUnavailable";

    /// <summary>Writing "last seen" on every request would turn each page view into a write; once a minute is plenty.</summary>
    private static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);

    /// <summary>A ticket without an expiry (none of ours) is kept this long.</summary>
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(14);

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, null!, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) => StoreAsync(ticket, null!, cancellationToken);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var key = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        Label(ticket, key);
        var now = clock.GetUtcNow();
        if (!Guid.TryParse(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var memberId))
        {
            throw new InvalidOperationException("A sign-in ticket without a member id cannot be stored.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDbContext>();
        db.SignInSessions.Add(new StoredSession
        {
            Id = key,
            MemberId = memberId,
            Ticket = TicketSerializer.Default.Serialize(ticket),
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = ticket.Properties.ExpiresUtc ?? now + DefaultLifetime,
            Device = DeviceNames.Describe(httpContext?.Request.Headers.UserAgent.ToString()),
            Address = httpContext?.Connection.RemoteIpAddress?.ToString(),
        });
        // Sessions that ran out are swept as new ones begin (a handful at a time, never a long statement).
        await db.SignInSessions.Where(s => s.MemberId == memberId && s.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, null!, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) => RenewAsync(key, ticket, null!, cancellationToken);

    /// <summary>Sliding expiry and the security stamp's re-issue: the same session, a new ticket. A session ended in
    /// the meantime stays ended (nothing is written).</summary>
    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        Label(ticket, key);
        var now = clock.GetUtcNow();
        var bytes = TicketSerializer.Default.Serialize(ticket);
        var expires = ticket.Properties.ExpiresUtc ?? now + DefaultLifetime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDbContext>();
        await db.SignInSessions.Where(s => s.Id == key)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, bytes).SetProperty(x => x.ExpiresAt, expires).SetProperty(x => x.LastSeenAt, now), cancellationToken);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, null!, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) => RetrieveAsync(key, null!, cancellationToken);

    /// <summary>While PostgreSQL is away the session cannot be read: the request is marked (<see cref="SessionUnavailableItem"/>)
    /// and goes on without a user, the cookie kept, so the session is back with the database. Pages then answer their
    /// friendly 503 (SessionOutageFilter), where an exception here would have broken even the error page.</summary>
    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDbContext>();
        try
        {
            var session = await db.SignInSessions.AsNoTracking()
                .Where(s => s.Id == key && s.ExpiresAt > now)
                .Select(s => new { s.Ticket, s.LastSeenAt })
                .FirstOrDefaultAsync(cancellationToken);
            if (session is null)
            {
                return null;
            }

            if (now - session.LastSeenAt > LastSeenResolution)
            {
                await db.SignInSessions.Where(s => s.Id == key).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), cancellationToken);
            }

            return TicketSerializer.Default.Deserialize(session.Ticket);
        }
        catch (Exception failure) when (IsDatabaseAway(failure))
        {
            scope.ServiceProvider.GetRequiredService<ILogger<PostgresTicketStore>>()
                .LogWarning("Sign-in session not read: the database is unreachable");
            if (httpContext is not null)
            {
                httpContext.Items[SessionUnavailableItem] = true;
            }

            return null;
        }
    }

    private static bool IsDatabaseAway(Exception? exception)
    {
        for (var depth = 0; exception is not null && depth < 10; depth++)
        {
            if (exception is NpgsqlException { IsTransient: true } or System.Net.Sockets.SocketException)
            {
                return true;
            }

            exception = exception.InnerException;
        }

        return false;
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, null!, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => RemoveAsync(key, null!, cancellationToken);

    public async Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDbContext>();
        await db.SignInSessions.Where(s => s.Id == key).ExecuteDeleteAsync(cancellationToken);
    }

    private static void Label(AuthenticationTicket ticket, string key)
    {
        if (ticket.Principal.Identity is ClaimsIdentity identity)
        {
            foreach (var old in identity.FindAll(SessionClaim).ToList())
            {
                identity.RemoveClaim(old);
            }

            identity.AddClaim(new Claim(SessionClaim, key));
        }
    }
}
