using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CommunityHub.Application.Account;
using CommunityHub.Infrastructure.Identity;
using CommunityHub.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CommunityHub.Web.Pages.Account;

/// <summary>Signing in is the authentication framework's job (SignInManager, with lockout), not a use case.</summary>
[RateLimited(RateLimitPolicy.SignIn)]
public sealed class SignInModel(SignInManager<CommunityUser> signIn, ILogger<SignInModel> logger, IOptionsSnapshot<SingleSignOnOptions> sso) : PageModel
{
    [BindProperty]
    public Credentials Input { get; set; } = new();

    [FromQuery]
    public string? ReturnUrl { get; set; }

    /// <summary>False when the community is "SSO only": the password form is gone and a posted one is refused.</summary>
    public bool LocalPasswords => sso.Value.LocalPasswords;

    public async Task<IActionResult> OnPostAsync()
    {
        if (!LocalPasswords)
        {
            logger.LogWarning("Password sign-in refused: the community signs in with single sign-on only");
            ModelState.AddModelError(string.Empty, LocalPasswordRefusals.Message);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : RedirectToPage("/Index");
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/SignInTwoFactor", new { returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Url.Page("/Index") });
        }

        if (result.IsLockedOut)
        {
            // Identity reports a lockout only for an existing account, so saying until when reveals nothing more.
            var user = await signIn.UserManager.FindByEmailAsync(Input.Email.Trim());
            var until = user is null ? null : await signIn.UserManager.GetLockoutEndDateAsync(user);
            logger.LogWarning("Sign-in refused: account locked out after repeated failures until {LockedUntil}", until);
            ModelState.AddModelError(string.Empty, until is { } end
                ? $"Too many failed attempts: this account is locked until {end.ToUniversalTime().ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture)}. Try again then, or reset your password."
                : "Too many failed attempts: this account is locked for a while. Try again later, or reset your password.");
        }
        else
        {
            ModelState.AddModelError(string.Empty, "That e-mail address and password do not match an account.");
        }

        return Page();
    }

    public sealed class Credentials
    {
        [Required(ErrorMessage = "Enter your e-mail address.")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter your password.")]
        public string Password { get; set; } = string.Empty;

        public bool RememberMe { get; set; }
    }
}
