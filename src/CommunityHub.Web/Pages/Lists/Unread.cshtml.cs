using CommunityHub.Application.Lists;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Lists;

/// <summary>Unread (/unread): threads the member has read, with replies since they last did, across spaces.</summary>
[Authorize]
public sealed class UnreadModel(IMediator mediator) : PageModel
{
    public ThreadListPage List { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery] string? after, [FromQuery] string? show, CancellationToken cancellationToken) =>
        List = await mediator.Send(new GetUnread.Query(ThreadListChoice.Parse(show, null, null), after), cancellationToken);
}
