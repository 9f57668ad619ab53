using CommunityHub.Application.Webhooks;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Webhooks;
using CommunityHub.Web.Forms;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Admin;

/// <summary>Editing a webhook endpoint (/admin/webhooks/{id}/edit).</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class WebhookEditModel(IMediator mediator) : PageModel, IReloadOnInvalidPost
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty(Name = UseCaseOutcomeFilter.FormPrefix)]
    public EditWebhookEndpoint.Command Input { get; set; } = new();

    public GetWebhookEndpoints.EndpointDetail Endpoint { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        Input = new EditWebhookEndpoint.Command
        {
            EndpointId = Id,
            Name = Endpoint.Name,
            Url = Endpoint.Url,
            Events = [.. WebhookEventNames.All.Select(e => e.Type).Where(t => Endpoint.Events.HasFlag(t))],
            Format = Endpoint.Format,
            Internal = Endpoint.Internal,
            Enabled = Endpoint.Enabled,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input.EndpointId = Id;
        await mediator.Send(Input, cancellationToken);
        return RedirectToPage("/Admin/Webhook", new { id = Id });
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Endpoint = await mediator.Send(new GetWebhookEndpoints.OneQuery(Id), cancellationToken);
}
