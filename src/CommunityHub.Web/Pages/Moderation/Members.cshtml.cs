using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Moderation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Moderation;

public sealed class MembersModel(IMediator mediator) : PageModel
{
    [FromQuery]
    public string? Q { get; set; }

    public IReadOnlyList<MemberAccount> Found { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Found = await mediator.Send(new FindMembers.Query(Q), cancellationToken);
}
