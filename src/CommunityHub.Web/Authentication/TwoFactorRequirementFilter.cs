using CommunityHub.Application.Account;
using CommunityHub.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace CommunityHub.Web.Authentication;

/// <summary>Where two-factor is required of admins and moderators (<c>Authentication:RequireTwoFactorForModerators</c>),
/// one who has not turned it on reaches only their account pages until they do: pages send them to set it up, and
/// other form posts are refused (the use cases refuse them too).</summary>
public sealed class TwoFactorRequirementFilter(IOptionsMonitor<SingleSignOnOptions> options) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var user = http.User;
        if (user.Identity?.IsAuthenticated != true
            || !options.CurrentValue.RequiresTwoFactor(user.IsInRole)
            || user.FindFirst(CommunityClaims.TwoFactor)?.Value == "true"
            || http.Request.Path.StartsWithSegments("/account")
            || http.Request.Path.StartsWithSegments("/error"))
        {
            return next();
        }

        context.Result = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            ? new RedirectToPageResult("/Account/TwoFactor", new { required = "true" })
            : new StatusCodeResult(StatusCodes.Status403Forbidden);
        return Task.CompletedTask;
    }
}
