using CommunityHub.Application.Notifications;
using CommunityHub.Application.Spaces;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Spaces;

public sealed class ShowModel(IMediator mediator) : PageModel
{
    public GetSpace.SpacePage Space { get; private set; } = null!;

    public async Task OnGetAsync(string slug, [FromQuery] string? after, CancellationToken cancellationToken) =>
        Space = await mediator.Send(new GetSpace.Query(slug, after), cancellationToken);

    public async Task<IActionResult> OnPostWatchAsync(string slug, bool watch, CancellationToken cancellationToken)
    {
        await mediator.Send(new WatchSpace.Command { Slug = slug, Watch = watch }, cancellationToken);
        return Redirect($"/s/{slug}");
    }
}
