using CommunityHub.Application.Organisations;
using CommunityHub.Domain.Organisations;
using CommunityHub.Web.Forms;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Staff;

public sealed class OrganisationsModel(IMediator mediator) : PageModel, IReloadOnInvalidPost
{
    [BindProperty(Name = UseCaseOutcomeFilter.FormPrefix)]
    public CreateOrganisation.Command Input { get; set; } = new();

    public GetOrganisations.Overview Overview { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Overview = await mediator.Send(new GetOrganisations.Query(), cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Input, cancellationToken);
        return RedirectToPage();
    }

    /// <summary>An admin sets a member's organisation (none takes them out).</summary>
    public async Task<IActionResult> OnPostAssignAsync(string handle, int? organisation, CancellationToken cancellationToken)
    {
        await mediator.Send(new AssignOrganisation.Command(Guid.Empty, OrganisationSource.Admin, organisation, MemberHandle: handle), cancellationToken);
        return RedirectToPage();
    }
}
