using CommunityHub.Application.Administration;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages;

/// <summary>The community values page: readable by everyone, signed in or not.</summary>
public sealed class ValuesModel(IMediator mediator) : PageModel
{
    public GetCommunityValues.Values? Values { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Values = await mediator.Send(new GetCommunityValues.Query(), cancellationToken);
}
