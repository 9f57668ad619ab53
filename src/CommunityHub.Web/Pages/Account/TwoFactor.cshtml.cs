using CommunityHub.Application.Account;
using CommunityHub.Infrastructure.Identity;
using CommunityHub.Web.Forms;
using CommunityHub.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace CommunityHub.Web.Pages.Account;

/// <summary>Turning two-factor on (QR code drawn here as a PNG data URI: no request elsewhere, nothing inline for the
/// CSP to refuse), new recovery codes, turning it off.</summary>
[Authorize]
[RateLimited(RateLimitPolicy.SignIn)]
public sealed class TwoFactorModel(IMediator mediator, SignInManager<CommunityUser> signIn) : PageModel, IReloadOnInvalidPost
{
    [BindProperty(Name = UseCaseOutcomeFilter.FormPrefix)]
    public CodeForm Input { get; set; } = new();

    [FromQuery]
    public bool Required { get; set; }

    public TwoFactorState State { get; private set; } = new(false, 0);

    public StartAuthenticatorSetup.Setup? Setup { get; private set; }

    public string? QrCode { get; private set; }

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken)
    {
        RecoveryCodes = await mediator.Send(new EnableTwoFactor.Command { Code = Input.Code ?? string.Empty }, cancellationToken);
        await RefreshAsync();
        await ReloadAsync(cancellationToken);
        // Shown once, on this answer (not after a redirect, which would need them stored somewhere).
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostRenewAsync(CancellationToken cancellationToken)
    {
        RecoveryCodes = await mediator.Send(new RenewRecoveryCodes.Command { Code = Input.Code ?? string.Empty }, cancellationToken);
        await ReloadAsync(cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new DisableTwoFactor.Command { Code = Input.Code ?? string.Empty }, cancellationToken);
        await RefreshAsync();
        TempData["Notice"] = "Two-factor authentication is off.";
        return RedirectToPage("/Account/TwoFactor");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var account = await mediator.Send(new GetAccount.Query(), cancellationToken);
        State = account.TwoFactor;
        Required |= account.TwoFactorRequired;
        if (!State.Enabled)
        {
            Setup = await mediator.Send(new StartAuthenticatorSetup.Command(), cancellationToken);
            QrCode = Qr(Setup.AuthenticatorUri);
        }
    }

    /// <summary>Whether two-factor is on travels in the cookie (the requirement for moderators reads it).</summary>
    private async Task RefreshAsync()
    {
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
        {
            await signIn.RefreshSignInAsync(user);
        }
    }

    private static string Qr(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }

    public sealed class CodeForm
    {
        public string? Code { get; set; }
    }
}
