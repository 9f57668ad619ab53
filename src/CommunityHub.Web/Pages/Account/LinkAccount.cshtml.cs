using CommunityHub.Application.Account;
using CommunityHub.Infrastructure.Identity;
using CommunityHub.Web.Authentication;
using CommunityHub.Web.Forms;
using CommunityHub.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CommunityHub.Web.Pages.Account;

/// <summary>Someone came back from a provider with a verified address of an existing local account: they prove the
/// account with its password before the provider is linked to it. What the provider said comes from the external
/// sign-in cookie, never from this form.</summary>
[RateLimited(RateLimitPolicy.SignIn)]
public sealed class LinkAccountModel(IMediator mediator, SignInManager<CommunityUser> signIn, IOptionsSnapshot<SingleSignOnOptions> sso) : PageModel, IReloadOnInvalidPost
{
    [BindProperty(Name = UseCaseOutcomeFilter.FormPrefix)]
    public LinkProviderWithPassword.Command Input { get; set; } = new();

    [FromQuery]
    public string? ReturnUrl { get; set; }

    public string Email { get; private set; } = string.Empty;

    public string ProviderName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? RedirectToPage("/Account/External", "failed", new { reason = SignInFailures.Expired }) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync() is not { } who)
        {
            return RedirectToPage("/Account/External", "failed", new { reason = SignInFailures.Expired });
        }

        Input.Identity = who;
        var memberId = await mediator.Send(Input, cancellationToken);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        var user = await signIn.UserManager.FindByIdAsync(memberId.ToString());
        await signIn.SignInAsync(user!, isPersistent: false, authenticationMethod: who.Provider);
        TempData["Notice"] = $"{ProviderName} is linked to your account: next time, “Continue with {ProviderName}” is all it takes.";
        return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : RedirectToPage("/Index");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) => await LoadAsync();

    private async Task<ProviderIdentity?> LoadAsync()
    {
        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        if (!external.Succeeded || external.Properties?.Items.GetItem("provider") is not { } provider || sso.Value.Provider(provider) is not { } options)
        {
            return null;
        }

        var who = ProviderClaims.Read(provider, options, external.Principal!);
        Email = who.Email ?? string.Empty;
        ProviderName = options.DisplayName;
        return who;
    }
}
