using CommunityHub.Application.Account;
using CommunityHub.Web.Forms;
using CommunityHub.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Account;

[Authorize]
[RateLimited(RateLimitPolicy.PasswordReset)]
public sealed class EmailModel(IMediator mediator) : PageModel, IReloadOnInvalidPost
{
    [BindProperty(Name = UseCaseOutcomeFilter.FormPrefix)]
    public RequestEmailChange.Command Input { get; set; } = new();

    [FromQuery]
    public bool Sent { get; set; }

    public string Current { get; private set; } = string.Empty;

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Input, cancellationToken);
        return RedirectToPage("/Account/Email", new { sent = "true" });
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Current = (await mediator.Send(new GetAccount.Query(), cancellationToken)).Email;
}
