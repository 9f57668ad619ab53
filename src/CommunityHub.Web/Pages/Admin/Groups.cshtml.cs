using CommunityHub.Application.Groups;
using CommunityHub.Domain.Members;
using CommunityHub.Web.Forms;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Admin;

/// <summary>Member groups (/admin/groups): the list, and a form to create one. The use cases check the power again.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class GroupsModel(IMediator mediator) : PageModel, IReloadOnInvalidPost
{
    [BindProperty(Name = UseCaseOutcomeFilter.FormPrefix)]
    public CreateGroup.Command Input { get; set; } = new();

    public IReadOnlyList<GetGroups.GroupRow> Groups { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var id = await mediator.Send(Input, cancellationToken);
        return RedirectToPage("/Admin/Group", new { id = id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Groups = await mediator.Send(new GetGroups.Query(), cancellationToken);
}
