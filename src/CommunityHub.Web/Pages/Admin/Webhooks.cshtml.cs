using CommunityHub.Application.Webhooks;
using CommunityHub.Domain.Members;
using CommunityHub.Web.Forms;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Admin;

/// <summary>Webhook endpoints (/admin/webhooks): the list, and a form to add one. The use cases check the power again.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class WebhooksModel(IMediator mediator) : PageModel, IReloadOnInvalidPost
{
    [BindProperty(Name = UseCaseOutcomeFilter.FormPrefix)]
    public AddWebhookEndpoint.Command Input { get; set; } = new() { Events = [Domain.Webhooks.WebhookEventTypes.ThreadStarted] };

    public IReadOnlyList<GetWebhookEndpoints.EndpointRow> Endpoints { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var id = await mediator.Send(Input, cancellationToken);
        return RedirectToPage("/Admin/Webhook", new { id });
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Endpoints = await mediator.Send(new GetWebhookEndpoints.Query(), cancellationToken);
}
