using CommunityHub.Application.Groups;
using CommunityHub.Domain.Members;
using CommunityHub.Web.Forms;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Admin;

/// <summary>One group (/admin/groups/{id}): who is in it, adding a member by handle, taking one out.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class GroupModel(IMediator mediator) : PageModel, IReloadOnInvalidPost
{
    [FromRoute]
    public int Id { get; set; }

    [BindProperty(Name = UseCaseOutcomeFilter.FormPrefix)]
    public ChangeGroupMembers.Command Input { get; set; } = new();

    public GetGroups.GroupDetail Group { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input.GroupId = Id;
        await mediator.Send(Input, cancellationToken);
        return RedirectToPage("/Admin/Group", new { id = Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Group = await mediator.Send(new GetGroups.OneQuery(Id), cancellationToken);
}
