using CommunityHub.Application.Lists;
using CommunityHub.Application.Notifications;
using CommunityHub.Application.Spaces;
using CommunityHub.Application.Staff;
using CommunityHub.Web.Http;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CommunityHub.Web.Pages.Spaces;

[OutputCache(PolicyName = VisitorPageCache.ListPage)]
public sealed class ShowModel(IMediator mediator) : PageModel
{
    public GetSpace.SpacePage Space { get; private set; } = null!;

    public IReadOnlyList<GetExecutivePresence.Executive> Executives { get; private set; } = [];

    /// <param name="show">The filter (<see cref="ThreadListChoice.Filters"/>); <paramref name="with"/>=company is its older spelling.</param>
    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery] string? after, [FromQuery] string? with, [FromQuery] string? show, [FromQuery] string? sort, [FromQuery] string? period, CancellationToken cancellationToken)
    {
        Space = await mediator.Send(new GetSpace.Query(slug, after, Choice: ThreadListChoice.Parse(show, sort, period, with)), cancellationToken);
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
