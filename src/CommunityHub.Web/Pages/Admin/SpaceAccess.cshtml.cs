using CommunityHub.Application.Groups;
using CommunityHub.Domain.Members;
using CommunityHub.Web.Forms;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Admin;

/// <summary>Who can see a space (/admin/spaces/{id}/access): everyone, or only the groups ticked (and the staff side).</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class SpaceAccessModel(IMediator mediator) : PageModel, IReloadOnInvalidPost
{
    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public List<int> GroupIds { get; set; } = [];

    /// <summary>Everyone or signed-in members, for a space no group is ticked for; ticked groups restrict it to them.</summary>
    [BindProperty]
    public CommunityHub.Domain.Spaces.SpaceAudience? Audience { get; set; }

    public GetGroups.SpaceAccessForm Form { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new RestrictSpace.Command
        {
            SpaceId = Id,
            GroupIds = GroupIds,
            Audience = GroupIds.Count > 0 ? CommunityHub.Domain.Spaces.SpaceAudience.Groups
                : Audience == CommunityHub.Domain.Spaces.SpaceAudience.Members ? CommunityHub.Domain.Spaces.SpaceAudience.Members
                : CommunityHub.Domain.Spaces.SpaceAudience.Everyone,
        }, cancellationToken);
        return RedirectToPage("/Admin/Spaces");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Form = await mediator.Send(new GetGroups.ForSpaceQuery(Id), cancellationToken);
}
