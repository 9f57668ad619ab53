using CommunityHub.Application.Composer;
using CommunityHub.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Composer;

/// <summary>The composer's <c>@</c> completion (script): members whose handle or name starts with <c>q</c>
/// (<see cref="CompleteMembers"/>), as JSON <c>[{"handle":"alice-chen","name":"Alice Chen"}]</c>. Signed-in members
/// only, and limited per account and address, so it cannot be used to list the membership quickly.</summary>
[Authorize]
[RateLimited(RateLimitPolicy.Completion, Reads = true)]
public sealed class MembersModel(IMediator mediator) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? q, CancellationToken cancellationToken) =>
        new JsonResult(await mediator.Send(new CompleteMembers.Query(q), cancellationToken));
}
