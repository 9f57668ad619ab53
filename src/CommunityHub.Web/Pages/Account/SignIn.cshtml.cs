using System.ComponentModel.DataAnnotations;
using CommunityHub.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Account;

/// <summary>Signing in is the authentication framework's job (SignInManager, with lockout), not a use case.</summary>
public sealed class SignInModel(SignInManager<CommunityUser> signIn, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty]
    public Credentials Input { get; set; } = new();

    [FromQuery]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in refused: account locked out after repeated failures");
            ModelState.AddModelError(string.Empty, "Too many failed attempts. This account is locked for 15 minutes; try again later.");
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
