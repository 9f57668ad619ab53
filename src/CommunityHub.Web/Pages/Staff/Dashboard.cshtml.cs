using CommunityHub.Application.Ties;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Staff;

public sealed class DashboardModel(IMediator mediator) : PageModel
{
    public GetCommunityHealth.Health Health { get; private set; } = null!;

    /// <summary>The new-thread forms' deflection rate, week by week (issue 15).</summary>
    public Application.Asking.GetDeflection.Deflection Deflection { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Health = await mediator.Send(new GetCommunityHealth.Query(), cancellationToken);
        Deflection = await mediator.Send(new Application.Asking.GetDeflection.Query(), cancellationToken);
    }
}
