using CommunityHub.Application.Groups;
using CommunityHub.Domain.Members;
using CommunityHub.Web.Forms;
using CommunityHub.Web.Links;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Admin;

/// <summary>Who joins a group by themselves (/admin/groups/{id}/joining): e-mail domains and a sign-in group.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class GroupJoiningModel(IMediator mediator, CommunityLinks links) : PageModel, IReloadOnInvalidPost
{
    [FromRoute]
    public int Id { get; set; }

    [BindProperty(Name = UseCaseOutcomeFilter.FormPrefix)]
    public SetGroupJoining.Command Input { get; set; } = new();

    public GetGroups.GroupDetail Group { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        Input.EmailDomains = Group.EmailDomains;
        Input.SignInGroup = Group.SignInGroup;
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
