using CommunityHub.Application.Lists;
using CommunityHub.Application.Spaces;
using CommunityHub.Application.Staff;
using CommunityHub.Web.Http;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CommunityHub.Web.Pages;

[OutputCache(PolicyName = VisitorPageCache.ListPage)]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<ListSpaces.SpaceSummary> Spaces { get; private set; } = [];

    public IReadOnlyList<GetExecutivePresence.Executive> Executives { get; private set; } = [];

    /// <summary>The first page of Latest, below the spaces.</summary>
    public ThreadListPage Latest { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Spaces = await mediator.Send(new ListSpaces.Query(), cancellationToken);
        Executives = await mediator.Send(new GetExecutivePresence.Query(), cancellationToken);
        Latest = await mediator.Send(new GetLatest.Query(), cancellationToken);
    }
}
