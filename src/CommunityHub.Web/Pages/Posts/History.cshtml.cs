using CommunityHub.Application.Threads;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Posts;

public sealed class HistoryModel(IMediator mediator) : PageModel
{
    public GetPostHistory.History History { get; private set; } = null!;

    public async Task OnGetAsync(long id, CancellationToken cancellationToken) =>
        History = await mediator.Send(new GetPostHistory.Query(id), cancellationToken);
}
