using CommunityHub.Application.Lists;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Lists;

/// <summary>Latest (/latest): every space's threads the reader may see, filtered and ordered.</summary>
public sealed class LatestModel(IMediator mediator) : PageModel
{
    public ThreadListPage List { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery] string? after, [FromQuery] string? show, [FromQuery] string? sort, [FromQuery] string? period, CancellationToken cancellationToken) =>
        List = await mediator.Send(new GetLatest.Query(ThreadListChoice.Parse(show, sort, period), after), cancellationToken);
}
