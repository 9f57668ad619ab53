using CommunityHub.Application.ApiTokens;
using CommunityHub.Web.Forms;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Account;

/// <summary>The member's personal access tokens for the REST API (/account/tokens): make one (shown once, on the page
/// the form redirects to), see each with its scopes and last use, revoke one.</summary>
[Authorize]
public sealed class TokensModel(IMediator mediator) : PageModel, IReloadOnInvalidPost
{
    /// <summary>TempData carries the secret across the redirect once (protected like the cookie), never in the URL.</summary>
    public const string SecretItem = "ApiTokenSecret";

    [BindProperty(Name = UseCaseOutcomeFilter.FormPrefix)]
    public CreateApiToken.Command Input { get; set; } = new();

    public ListApiTokens.TokenList List { get; private set; } = null!;

    /// <summary>The secret of the token just made: on this one rendering only.</summary>
    public string? NewSecret { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken)
    {
        NewSecret = TempData[SecretItem] as string;
        if (NewSecret is not null)
        {
            // The page holding a secret is kept by no cache, the browser's back-forward one included.
            Response.Headers.CacheControl = "no-store";
        }

        return ReloadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var made = await mediator.Send(Input, cancellationToken);
        TempData[SecretItem] = made.Secret;
        return RedirectToPage("/Account/Tokens");
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid tokenId, CancellationToken cancellationToken)
    {
        await mediator.Send(new RevokeApiToken.Command(tokenId), cancellationToken);
        TempData["Notice"] = "The token is revoked: it no longer works.";
        return RedirectToPage("/Account/Tokens");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        List = await mediator.Send(new ListApiTokens.Query(), cancellationToken);
}
