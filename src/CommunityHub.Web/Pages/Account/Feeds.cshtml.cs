using CommunityHub.Application.Feeds;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Account;

/// <summary>The member's private feed addresses (/account/feeds): feeds of what they may see, members-only and group
/// spaces included, for a feed reader that carries no cookie. A new key revokes the old addresses.</summary>
[Authorize]
public sealed class FeedsModel(IMediator mediator) : PageModel
{
    public string? Key { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Key = await mediator.Send(new PrivateFeedKey.Query(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var had = await mediator.Send(new PrivateFeedKey.Query(), cancellationToken) is not null;
        await mediator.Send(new PrivateFeedKey.Renew(), cancellationToken);
        TempData["Notice"] = had ? "Your feed addresses are new: the old ones no longer work." : "Your private feed addresses are ready.";
        return RedirectToPage("/Account/Feeds");
    }

    /// <summary>An address to paste into a feed reader: absolute, where the member reached the site.</summary>
    public string Absolute(string path) => $"{Request.Scheme}://{Request.Host}{path}";
}
