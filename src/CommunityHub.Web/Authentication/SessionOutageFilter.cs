using CommunityHub.Infrastructure.Identity.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CommunityHub.Web.Authentication;

/// <summary>A request whose sign-in session could not be read (PostgreSQL away) is answered with the friendly 503
/// before anything else, not treated as anonymous: a signed-in member's form would otherwise fail its antiforgery
/// check (a 400) or show them signed out. The error page itself is let through.</summary>
public sealed class SessionOutageFilter : IAsyncAuthorizationFilter, IOrderedFilter
{
    public int Order => int.MinValue;

    public Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (http.Items.ContainsKey(PostgresTicketStore.SessionUnavailableItem) && !http.Request.Path.StartsWithSegments("/error"))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status503ServiceUnavailable);
        }

        return Task.CompletedTask;
    }
}
