using CommunityHub.Application.Ties;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Members;

public sealed class TieModel(IMediator mediator) : PageModel
{
    [FromRoute]
    public string Handle { get; set; } = string.Empty;

    [FromRoute]
    public string Other { get; set; } = string.Empty;

    public GetTieCard.TieCard Card { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Card = await mediator.Send(new GetTieCard.Query(Handle, Other), cancellationToken);
}
