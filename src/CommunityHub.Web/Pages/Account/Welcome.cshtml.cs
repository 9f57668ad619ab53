using CommunityHub.Application.Account;
using CommunityHub.Application.Members;
using CommunityHub.Web.Links;
using CommunityHub.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Account;

/// <summary>Where a new member lands after joining: where the confirmation e-mail went, and a button to send it again.</summary>
[Authorize]
[RateLimited(RateLimitPolicy.PasswordReset)]
public sealed class WelcomeModel(IMediator mediator, CommunityLinks links) : PageModel
{
    [FromQuery]
    public string? ReturnUrl { get; set; }

    [FromQuery]
    public bool Resent { get; set; }

    public GetAccount.AccountView Account { get; private set; } = null!;

    public string Next => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : links.Home;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Account = await mediator.Send(new GetAccount.Query(), cancellationToken);

    public async Task<IActionResult> OnPostResendAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new ResendEmailConfirmation.Command(), cancellationToken);
        return RedirectToPage("/Account/Welcome", new { resent = "true", returnUrl = Next });
    }
}
