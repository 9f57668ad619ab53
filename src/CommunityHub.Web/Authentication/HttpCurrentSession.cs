using CommunityHub.Application.Account;
using CommunityHub.Infrastructure.Identity.Sessions;

namespace CommunityHub.Web.Authentication;

/// <summary>The request's sign-in session (the key <see cref="PostgresTicketStore"/> put in the principal) and client address.</summary>
public sealed class HttpCurrentSession(IHttpContextAccessor accessor) : ICurrentSession
{
    public string? SessionId => accessor.HttpContext?.User.FindFirst(PostgresTicketStore.SessionClaim)?.Value;

    public string? ClientAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
