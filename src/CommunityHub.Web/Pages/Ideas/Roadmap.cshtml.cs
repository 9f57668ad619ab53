using CommunityHub.Application.Ideas;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CommunityHub.Web.Pages.Ideas;

public sealed class RoadmapModel(IMediator mediator, IOptions<IdeaOptions> options) : PageModel
{
    public GetRoadmap.Roadmap Roadmap { get; private set; } = null!;

    public IdeaOptions Names => options.Value;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Roadmap = await mediator.Send(new GetRoadmap.Query(), cancellationToken);
}
