using CommunityHub.Application.Composer;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Drafts;

/// <summary>The member's open drafts, with where each belongs and a way to throw it away.</summary>
[Authorize]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<ListDrafts.Summary> Drafts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Drafts = await mediator.Send(new ListDrafts.Query(), cancellationToken);

    public async Task<IActionResult> OnPostDiscardAsync(long id, CancellationToken cancellationToken)
    {
        await mediator.Send(new DiscardDraft.Command(id), cancellationToken);
        return RedirectToPage();
    }
}
