using CommunityHub.Application.Escalation;
using CommunityHub.Domain.Members;
using CommunityHub.Web.Forms;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Admin;

/// <summary>The support desk connection (/admin/support-desk). The use cases check the power again.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class SupportDeskModel(IMediator mediator) : PageModel, IReloadOnInvalidPost
{
    [BindProperty(Name = UseCaseOutcomeFilter.FormPrefix)]
    public ConnectSupportDesk.Command Input { get; set; } = new();

    public GetSupportDesk.Desk? Desk { get; private set; }

    [TempData]
    public string? Saved { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        if (Desk is { } desk)
        {
            Input.Url = desk.Url;
            Input.Format = desk.Format;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Input, cancellationToken);
        Saved = "The support desk connection is saved.";
        return RedirectToPage("/Admin/SupportDesk");
    }

    public async Task<IActionResult> OnPostSecretAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new ReplaceDeskSecret.Command(), cancellationToken);
        Saved = "A new signing secret is made: give it to the desk.";
        return RedirectToPage("/Admin/SupportDesk");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Desk = await mediator.Send(new GetSupportDesk.Query(), cancellationToken);
}
