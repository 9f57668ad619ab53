using CommunityHub.Application.Moderation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Account;

[Authorize]
public sealed class StandingModel(IMediator mediator) : PageModel
{
    public GetMemberStanding.Standing Standing { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Standing = await mediator.Send(new GetMemberStanding.OwnQuery(), cancellationToken);
}
