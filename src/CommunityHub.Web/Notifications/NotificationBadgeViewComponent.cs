using CommunityHub.Application.Notifications;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace CommunityHub.Web.Notifications;

/// <summary>The header's link to the notifications page, with the unread count: one indexed count per page.</summary>
public sealed class NotificationBadgeViewComponent(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        // A server error page asks nothing of the database: it may be why the page is shown.
        HttpContext.Response.StatusCode >= StatusCodes.Status500InternalServerError
            ? Content(string.Empty)
            : View(await mediator.Send(new CountUnreadNotifications.Query(), HttpContext.RequestAborted));
}
