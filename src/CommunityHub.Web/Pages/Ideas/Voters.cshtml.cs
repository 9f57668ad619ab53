using CommunityHub.Application.Ideas;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Ideas;

public sealed class VotersModel(IMediator mediator) : PageModel
{
    public GetIdeaVoters.VotersPage Voters { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, long id, [FromQuery] int? after, CancellationToken cancellationToken)
    {
        Voters = await mediator.Send(new GetIdeaVoters.Query(id, after ?? 0), cancellationToken);
        return Voters.SpaceSlug == slug ? Page() : RedirectToPage("/Ideas/Voters", new { slug = Voters.SpaceSlug, id, after });
    }
}
