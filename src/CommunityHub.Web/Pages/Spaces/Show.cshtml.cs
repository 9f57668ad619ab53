using CommunityHub.Application.Notifications;
using CommunityHub.Application.Spaces;
using CommunityHub.Application.Staff;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Spaces;

public sealed class ShowModel(IMediator mediator) : PageModel
{
    public GetSpace.SpacePage Space { get; private set; } = null!;

    public IReadOnlyList<GetExecutivePresence.Executive> Executives { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery] string? after, [FromQuery] string? with, CancellationToken cancellationToken)
    {
        Space = await mediator.Send(new GetSpace.Query(slug, after, CompanyOnly: with == "company"), cancellationToken);
        if (Space.IsIdeas)
        {
            // An Ideas space lists its ideas by votes (issue 15).
            return RedirectToPage("/Ideas/Index", new { slug = Space.Slug });
        }

        if (Space.IsFirstPage)
        {
            Executives = await mediator.Send(new GetExecutivePresence.Query(Space.Id), cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostWatchAsync(string slug, bool watch, CancellationToken cancellationToken)
    {
        await mediator.Send(new WatchSpace.Command { Slug = slug, Watch = watch }, cancellationToken);
        return RedirectToPage("/Spaces/Show", new { slug });
    }
}
