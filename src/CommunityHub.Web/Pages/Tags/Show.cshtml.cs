using CommunityHub.Application.Lists;
using CommunityHub.Application.Tags;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Tags;

/// <summary>A tag's page (/tags/{tag}): the threads carrying it, filtered and ordered; members watch it here.</summary>
public sealed class ShowModel(IMediator mediator) : PageModel
{
    public GetTag.TagPage Tag { get; private set; } = null!;

    public async Task OnGetAsync(string tag, [FromQuery] string? after, [FromQuery] string? show, [FromQuery] string? sort, [FromQuery] string? period, CancellationToken cancellationToken) =>
        Tag = await mediator.Send(new GetTag.Query(tag, ThreadListChoice.Parse(show, sort, period), after), cancellationToken);

    public async Task<IActionResult> OnPostWatchAsync(string tag, bool watch, CancellationToken cancellationToken)
    {
        await mediator.Send(new WatchTag.Command { Tag = tag, Watch = watch }, cancellationToken);
        return RedirectToPage("/Tags/Show", new { tag });
    }
}
