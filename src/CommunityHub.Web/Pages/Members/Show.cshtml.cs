using CommunityHub.Application.Members;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Members;

public sealed class ShowModel(IMediator mediator) : PageModel
{
    [FromRoute]
    public string Handle { get; set; } = string.Empty;

    public GetProfile.Profile Profile { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Profile = await mediator.Send(new GetProfile.Query(Handle), cancellationToken);
}
