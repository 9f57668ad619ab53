using CommunityHub.Application.Account;
using CommunityHub.Infrastructure.Identity;
using CommunityHub.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Account;

/// <summary>The second step of signing in (after the password or a provider): a code from the app, or a recovery
/// code. Identity keeps who is half signed in in its own short-lived cookie.</summary>
[RateLimited(RateLimitPolicy.SignIn)]
public sealed class SignInTwoFactorModel(SignInManager<CommunityUser> signIn, IMediator mediator, ILogger<SignInTwoFactorModel> logger) : PageModel
{
    [FromQuery]
    public string? ReturnUrl { get; set; }

    [FromQuery(Name = "recovery")]
    public bool UseRecoveryCode { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostCodeAsync(string? code)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("/Account/SignIn");
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(TwoFactor.Normalise(code), isPersistent: false, rememberClient: false);
        return Answer(result, TwoFactor.WrongCode);
    }

    public async Task<IActionResult> OnPostRecoveryAsync(string? code, CancellationToken cancellationToken)
    {
        UseRecoveryCode = true;
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return RedirectToPage("/Account/SignIn");
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync((code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Trim());
        if (result.Succeeded)
        {
            await mediator.Send(new NoteRecoveryCodeUsed.Command(user.Id), cancellationToken);
        }

        return Answer(result, "That recovery code is not right, or it was used already.");
    }

    private IActionResult Answer(Microsoft.AspNetCore.Identity.SignInResult result, string wrong)
    {
        if (result.Succeeded)
        {
            return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : RedirectToPage("/Index");
        }

        logger.LogWarning("Two-factor sign-in refused{LockedOut}", result.IsLockedOut ? " (locked out)" : string.Empty);
        ModelState.AddModelError(string.Empty, result.IsLockedOut ? "Too many wrong codes: this account is locked for a while. Try again later." : wrong);
        return Page();
    }
}
