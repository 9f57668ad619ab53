using CommunityHub.Application.Ideas;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CommunityHub.Web.Pages.Ideas;

public sealed class IndexModel(IMediator mediator, IOptions<IdeaOptions> options) : PageModel
{
    public ListIdeas.IdeasPage Ideas { get; private set; } = null!;

    public IdeaOptions Names => options.Value;

    public async Task OnGetAsync(string slug, [FromQuery] string? sort, [FromQuery] string? status, [FromQuery] string? after, CancellationToken cancellationToken) =>
        Ideas = await mediator.Send(new ListIdeas.Query(slug, sort, status, after), cancellationToken);
}
