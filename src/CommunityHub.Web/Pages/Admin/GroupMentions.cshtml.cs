using CommunityHub.Application.Groups;
using CommunityHub.Domain.Members;
using CommunityHub.Web.Forms;
using CommunityHub.Web.Links;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Admin;

/// <summary>A group's @mention handle and who may use it (/admin/groups/{id}/mentions).</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class GroupMentionsModel(IMediator mediator, CommunityLinks links) : PageModel, IReloadOnInvalidPost
{
    [FromRoute]
    public int Id { get; set; }

    [BindProperty(Name = UseCaseOutcomeFilter.FormPrefix)]
    public SetGroupMentions.Command Input { get; set; } = new();

    public GetGroups.GroupDetail Group { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        Input.MentionHandle = Group.MentionHandle;
        Input.MentionableBy = Group.MentionableBy;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input.GroupId = Id;
        await mediator.Send(Input, cancellationToken);
        return Redirect(links.AdminGroup(Id));
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Group = await mediator.Send(new GetGroups.OneQuery(Id), cancellationToken);
}
