using CommunityHub.Application.Registration;
using CommunityHub.Domain.Members;
using CommunityHub.Web.Forms;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Admin;

/// <summary>Invite links (/admin/invites): make one (optionally expiring, optionally for a number of uses), see each
/// with its state, withdraw one. The use cases check the power again.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class InvitesModel(IMediator mediator) : PageModel, IReloadOnInvalidPost
{
    [BindProperty(Name = UseCaseOutcomeFilter.FormPrefix)]
    public CreateInvite.Command Input { get; set; } = new();

    public GetInvites.InviteList List { get; private set; } = null!;

    /// <summary>The invite just made, to point it out in the list.</summary>
    [FromQuery(Name = "made")]
    public Guid? Made { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var id = await mediator.Send(Input, cancellationToken);
        return RedirectToPage("/Admin/Invites", new { made = id.ToString() });
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid inviteId, CancellationToken cancellationToken)
    {
        await mediator.Send(new RevokeInvite.Command(inviteId), cancellationToken);
        return RedirectToPage("/Admin/Invites");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        List = await mediator.Send(new GetInvites.Query(), cancellationToken);
}
