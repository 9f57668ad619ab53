using CommunityHub.Application.Notifications;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Notifications;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    [FromQuery]
    public long? Before { get; set; }

    public ListNotifications.NotificationsPage Notifications { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Notifications = await mediator.Send(new ListNotifications.Query(Before), cancellationToken);

    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken cancellationToken)
    {
        await mediator.Send(new MarkNotificationRead.Command(id), cancellationToken);
        return RedirectToPage("/Notifications/Index", new { before = Before });
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new MarkAllNotificationsRead.Command(), cancellationToken);
        return RedirectToPage("/Notifications/Index");
    }
}
