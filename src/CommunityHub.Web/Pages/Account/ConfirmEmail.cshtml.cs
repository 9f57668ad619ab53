using CommunityHub.Application.Members;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Account;

/// <summary>The link in the confirmation e-mail. Confirming twice is harmless, so a GET is fine here.</summary>
public sealed class ConfirmEmailModel(IMediator mediator) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync([FromQuery] Guid member, [FromQuery] string? code, CancellationToken cancellationToken) =>
        Confirmed = await mediator.Send(new ConfirmEmail.Command(member, code ?? string.Empty), cancellationToken);
}
