using CommunityHub.Application.Administration;
using CommunityHub.Application.Spaces;
using CommunityHub.Domain.Members;
using CommunityHub.Web.Forms;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Admin;

/// <summary>The list itself is public (the home page shows it); the page is for admins because its
/// buttons are. ReorderSpace checks the role again.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class SpacesModel(IMediator mediator) : PageModel, IReloadOnInvalidPost
{
    [BindProperty]
    public int SpaceId { get; set; }

    [BindProperty]
    public int By { get; set; }

    public IReadOnlyList<ListSpaces.SpaceSummary> Spaces { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new ReorderSpace.Command { SpaceId = SpaceId, By = By }, cancellationToken);
        return RedirectToPage("/Admin/Spaces");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Spaces = await mediator.Send(new ListSpaces.Query(), cancellationToken);
}
