using CommunityHub.Application.Webhooks;
using CommunityHub.Domain.Members;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Admin;

/// <summary>One webhook endpoint (/admin/webhooks/{id}): its settings and secret, its delivery log with "Redeliver",
/// a test ping, and deleting it. The use cases check the power again.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class WebhookModel(IMediator mediator) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public GetWebhookEndpoints.EndpointDetail Endpoint { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Endpoint = await mediator.Send(new GetWebhookEndpoints.OneQuery(Id), cancellationToken);

    public async Task<IActionResult> OnPostPingAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new SendWebhookPing.Command(Id), cancellationToken);
        return RedirectToPage("/Admin/Webhook", new { id = Id });
    }

    public async Task<IActionResult> OnPostRedeliverAsync(long deliveryId, CancellationToken cancellationToken)
    {
        await mediator.Send(new RedeliverWebhook.Command(Id, deliveryId), cancellationToken);
        return RedirectToPage("/Admin/Webhook", new { id = Id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteWebhookEndpoint.Command(Id), cancellationToken);
        return RedirectToPage("/Admin/Webhooks");
    }
}
