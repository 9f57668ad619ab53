using CommunityHub.Application.Account;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Members;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Members;

public sealed class ShowModel(IMediator mediator) : PageModel
{
    [FromRoute]
    public string Handle { get; set; } = string.Empty;

    public GetProfile.Profile Profile { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Profile = await mediator.Send(new GetProfile.Query(Handle), cancellationToken);
            return Page();
        }
        catch (NotFoundException)
        {
            // A handle given up keeps leading to its member (old links and @mentions).
            if (await mediator.Send(new FindMemberByFormerHandle.Query(Handle), cancellationToken) is { } current)
            {
                return RedirectToPagePermanent("/Members/Show", new { handle = current });
            }

            throw;
        }
    }
}
