using CommunityHub.Application.Administration;
using CommunityHub.Domain.Members;
using CommunityHub.Web.Forms;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Admin;

[Authorize(Roles = Roles.Admin)]
public sealed class ValuesModel(IMediator mediator) : PageModel
{
    [BindProperty(Name = UseCaseOutcomeFilter.FormPrefix)]
    public EditCommunityValues.Command Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Input.Body = (await mediator.Send(new GetCommunityValues.Query(), cancellationToken))?.Body ?? string.Empty;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Input, cancellationToken);
        return RedirectToPage("/Values");
    }
}
