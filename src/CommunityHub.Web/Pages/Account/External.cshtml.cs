using CommunityHub.Application.Account;
using CommunityHub.Infrastructure.Identity;
using CommunityHub.Web.Authentication;
using CommunityHub.Web.Links;
using CommunityHub.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CommunityHub.Web.Pages.Account;

/// <summary>Single sign-on: POST starts it at the provider (<c>provider</c>, <c>returnUrl</c>, <c>purpose=link</c> to link
/// a provider to the signed-in member), <c>callback</c> is where the provider's handler sends the person back once it
/// has checked state, nonce, PKCE and the id token, and <c>failed</c> says in words what went wrong.</summary>
[RateLimited(RateLimitPolicy.SignIn)]
public sealed class ExternalModel(IMediator mediator, SignInManager<CommunityUser> signIn, IOptionsSnapshot<SingleSignOnOptions> sso, CommunityLinks links, ILogger<ExternalModel> logger) : PageModel
{
    private const string PurposeItem = "purpose";
    private const string MemberItem = "member";
    private const string ProviderItem = "provider";
    private const string InviteItem = "invite";

    public string Message { get; private set; } = string.Empty;

    public async Task<IActionResult> OnPostAsync(string? provider, string? returnUrl, string? purpose, string? invite)
    {
        if (provider is null || sso.Value.Provider(provider) is not { } options)
        {
            return NotFound();
        }

        var linking = purpose == "link";
        if (linking && User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        var back = Url.IsLocalUrl(returnUrl) ? returnUrl : links.Home;
        var properties = new AuthenticationProperties { RedirectUri = Url.Page("/Account/External", "callback", new { returnUrl = back }) };
        properties.Items[ProviderItem] = provider;
        properties.Items[PurposeItem] = linking ? "link" : "sign-in";
        if (linking)
        {
            properties.Items[MemberItem] = signIn.UserManager.GetUserId(User);
        }
        else if (!string.IsNullOrWhiteSpace(invite))
        {
            // An invite link's code travels with the sign-in (in the protected state), for a first sign-in that makes an account.
            properties.Items[InviteItem] = invite.Trim();
        }

        try
        {
            // Awaited here (not returned as a ChallengeResult) so that a provider that is down ends on a friendly page.
            await HttpContext.ChallengeAsync(AuthenticationSetup.SchemeOf(provider), properties);
            return new EmptyResult();
        }
        catch (Exception failure) when (failure is InvalidOperationException or HttpRequestException or IOException or TaskCanceledException)
        {
            logger.LogWarning(failure, "Sign-in with {Provider} could not start: its discovery document did not come ({Authority})", provider, options.Authority);
            return Failed(provider, SignInFailures.Unreachable);
        }
    }

    public async Task<IActionResult> OnGetCallbackAsync(string? returnUrl, CancellationToken cancellationToken)
    {
        var back = Url.IsLocalUrl(returnUrl) ? returnUrl : links.Home;
        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        if (!external.Succeeded || external.Properties?.Items.GetItem(ProviderItem) is not { } provider || sso.Value.Provider(provider) is not { } options)
        {
            return Failed(null, SignInFailures.Expired);
        }

        var who = ProviderClaims.Read(provider, options, external.Principal!);
        if (external.Properties.Items.GetItem(PurposeItem) == "link")
        {
            await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
            if (external.Properties.Items.GetItem(MemberItem) is not { } starter || starter != signIn.UserManager.GetUserId(User))
            {
                return Failed(provider, SignInFailures.State);
            }

            try
            {
                await mediator.Send(new LinkProvider.Command(who), cancellationToken);
            }
            catch (FluentValidation.ValidationException refused)
            {
                TempData["Notice"] = refused.Errors.FirstOrDefault()?.ErrorMessage;
                return RedirectToPage("/Account/SignIns");
            }

            TempData["Notice"] = $"{options.DisplayName} is linked: you can sign in with it from now on.";
            return RedirectToPage("/Account/SignIns");
        }

        SignInWithProvider.Outcome outcome;
        try
        {
            outcome = await mediator.Send(new SignInWithProvider.Command(who, external.Properties.Items.GetItem(InviteItem)), cancellationToken);
        }
        catch (FluentValidation.ValidationException refused)
        {
            await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
            Message = refused.Errors.FirstOrDefault()?.ErrorMessage ?? SignInFailures.Describe(SignInFailures.Unknown, options.DisplayName);
            return Page();
        }

        switch (outcome.Kind)
        {
            case SignInWithProvider.OutcomeKind.ProveLocalAccount:
                // The provider's answer stays in the external cookie (a few minutes) until the password proves the account.
                return RedirectToPage("/Account/LinkAccount", new { returnUrl = back });
            case SignInWithProvider.OutcomeKind.Refused:
                await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
                Message = outcome.Message!;
                return Page();
        }

        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        var result = await signIn.ExternalLoginSignInAsync(provider, who.Subject, isPersistent: false, bypassTwoFactor: false);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/SignInTwoFactor", new { returnUrl = back });
        }

        if (!result.Succeeded)
        {
            Message = result.IsLockedOut
                ? "This account is locked for a while after too many failed attempts. Try again later."
                : SignInFailures.Describe(SignInFailures.Unknown, options.DisplayName);
            return Page();
        }

        return outcome.Kind == SignInWithProvider.OutcomeKind.Joined
            ? RedirectToPage("/Account/Welcome", new { returnUrl = back })
            : LocalRedirect(back);
    }

    public IActionResult OnGetFailed(string? provider, string? reason) => Failed(provider, reason);

    private PageResult Failed(string? provider, string? reason)
    {
        var name = provider is null ? "your provider" : sso.Value.Provider(provider)?.DisplayName ?? "your provider";
        Message = SignInFailures.Describe(reason, name);
        return Page();
    }
}
