using CommunityHub.Domain.Members;
using CommunityHub.Infrastructure.Identity;
using CommunityHub.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Account;

/// <summary>The break-glass path of "SSO only": an admin signs in with their local password when the provider is
/// down or misconfigured. Anyone else (members, moderators) is refused with the same words as a wrong password.
/// Rate-limited like sign-in; every attempt is logged at Warning.</summary>
[RateLimited(RateLimitPolicy.SignIn)]
public sealed class BreakGlassModel(SignInManager<CommunityUser> signIn, ILogger<BreakGlassModel> logger) : PageModel
{
    public async Task<IActionResult> OnPostAsync(string? email, string? password)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await signIn.UserManager.FindByEmailAsync(email.Trim());
        if (user is null || string.IsNullOrEmpty(password) || !await signIn.UserManager.IsInRoleAsync(user, Roles.Admin))
        {
            logger.LogWarning("Break-glass sign-in refused: no admin with that address");
            ModelState.AddModelError(string.Empty, "That e-mail address and password do not match an administrator's account.");
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            logger.LogWarning("Break-glass sign-in of admin {MemberId}: password accepted, two-factor code next", user.Id);
            return RedirectToPage("/Account/SignInTwoFactor", new { returnUrl = Url.Page("/Index") });
        }

        if (!result.Succeeded)
        {
            logger.LogWarning("Break-glass sign-in refused for admin {MemberId}{LockedOut}", user.Id, result.IsLockedOut ? " (locked out)" : string.Empty);
            ModelState.AddModelError(string.Empty, result.IsLockedOut
                ? "Too many failed attempts: this account is locked for a while."
                : "That e-mail address and password do not match an administrator's account.");
            return Page();
        }

        logger.LogWarning("Break-glass sign-in of admin {MemberId}", user.Id);
        return RedirectToPage("/Index");
    }
}
