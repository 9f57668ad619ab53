using CommunityHub.Application.Members;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Account;

/// <summary>The members the signed-in member ignores (/account/ignored), each with "Stop ignoring". Ignoring starts on
/// a member's profile.</summary>
[Authorize]
public sealed class IgnoredModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<GetIgnoredMembers.Ignored> Ignored { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Ignored = await mediator.Send(new GetIgnoredMembers.Query(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var done = await mediator.Send(new StopIgnoringMember.Command { MemberId = memberId }, cancellationToken);
        TempData["Notice"] = $"You no longer ignore @{done.Handle}.";
        return RedirectToPage("/Account/Ignored");
    }
}
