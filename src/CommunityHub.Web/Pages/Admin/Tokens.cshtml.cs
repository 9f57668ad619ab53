using CommunityHub.Application.ApiTokens;
using CommunityHub.Domain.Members;
using CommunityHub.Web.Forms;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Admin;

/// <summary>Service tokens (/admin/tokens): an admin makes a bot member and a token acting as it (the secret shown
/// once), sees each with its bot and last use, revokes one. The use cases check the power again.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class TokensModel(IMediator mediator) : PageModel, IReloadOnInvalidPost
{
    [BindProperty(Name = UseCaseOutcomeFilter.FormPrefix)]
    public CreateServiceToken.Command Input { get; set; } = new();

    public IReadOnlyList<ListServiceTokens.ServiceTokenRow> Tokens { get; private set; } = [];

    public string? NewSecret { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken)
    {
        NewSecret = TempData[Account.TokensModel.SecretItem] as string;
        if (NewSecret is not null)
        {
            Response.Headers.CacheControl = "no-store";
        }

        return ReloadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var made = await mediator.Send(Input, cancellationToken);
        TempData[Account.TokensModel.SecretItem] = made.Secret;
        return RedirectToPage("/Admin/Tokens");
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid tokenId, CancellationToken cancellationToken)
    {
        await mediator.Send(new RevokeApiToken.Command(tokenId), cancellationToken);
        TempData["Notice"] = "The service token is revoked: it no longer works.";
        return RedirectToPage("/Admin/Tokens");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Tokens = await mediator.Send(new ListServiceTokens.Query(), cancellationToken);
}
