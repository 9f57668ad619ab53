using System.Security.Claims;
using CommunityHub.Application.Common.Abstractions;

namespace CommunityHub.Web.Identity;

/// <summary>The signed-in member of the current request, from the authentication cookie.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public Guid? MemberId =>
        Principal?.Identity?.IsAuthenticated == true && Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public bool IsInRole(string role) => Principal?.IsInRole(role) == true;
}
