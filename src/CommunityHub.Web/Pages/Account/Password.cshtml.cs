using CommunityHub.Application.Account;
using CommunityHub.Infrastructure.Identity;
using CommunityHub.Web.Forms;
using CommunityHub.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Account;

/// <summary>Changes the password (the current one needed; every other session ends), or adds a first one.</summary>
[Authorize]
[RateLimited(RateLimitPolicy.SignIn)]
public sealed class PasswordModel(IMediator mediator, SignInManager<CommunityUser> signIn) : PageModel, IReloadOnInvalidPost
{
    [BindProperty(Name = UseCaseOutcomeFilter.FormPrefix)]
    public PasswordForm Input { get; set; } = new();

    public bool HasPassword { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        if (HasPassword)
        {
            await mediator.Send(new ChangePassword.Command { CurrentPassword = Input.CurrentPassword ?? string.Empty, NewPassword = Input.NewPassword ?? string.Empty }, cancellationToken);
        }
        else
        {
            await mediator.Send(new AddPassword.Command { NewPassword = Input.NewPassword ?? string.Empty }, cancellationToken);
        }

        // The change renewed the security stamp: this session gets a fresh ticket, the others are gone.
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
        {
            await signIn.RefreshSignInAsync(user);
        }

        TempData["Notice"] = HasPassword ? "Your password is changed, and every other device is signed out." : "Your password is added.";
        return RedirectToPage("/Account/Index");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        HasPassword = (await mediator.Send(new GetAccount.Query(), cancellationToken)).HasPassword;

    public sealed class PasswordForm
    {
        public string? CurrentPassword { get; set; }

        public string? NewPassword { get; set; }
    }
}
