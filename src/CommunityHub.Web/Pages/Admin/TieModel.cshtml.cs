using CommunityHub.Application.Ties;
using CommunityHub.Domain.Members;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Admin;

[Authorize(Roles = Roles.Admin)]
public sealed class TieModelModel(IMediator mediator) : PageModel
{
    public GetTieModel.Model Model { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Model = await mediator.Send(new GetTieModel.Query(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new CalibrateTies.Command(CalibrateTies.Trigger.Admin), cancellationToken);
        return RedirectToPage();
    }
}
