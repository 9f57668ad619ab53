using CommunityHub.Application.Administration;
using CommunityHub.Domain.Members;
using CommunityHub.Web.Forms;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Admin;

/// <summary>The content filter (/admin/filter): watched words and link rules. The use cases check the power again.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class ContentFilterModel(IMediator mediator) : PageModel, IReloadOnInvalidPost
{
    [BindProperty]
    public WatchWord.Command Word { get; set; } = new();

    [BindProperty]
    public AddLinkRule.Command Link { get; set; } = new();

    [BindProperty]
    public RemoveFilterRule.Command Remove { get; set; } = new();

    public GetContentFilter.Rules Rules { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostWordAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Word, cancellationToken);
        return RedirectToPage("/Admin/ContentFilter");
    }

    public async Task<IActionResult> OnPostLinkAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Link, cancellationToken);
        return RedirectToPage("/Admin/ContentFilter");
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Remove, cancellationToken);
        return RedirectToPage("/Admin/ContentFilter");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Rules = await mediator.Send(new GetContentFilter.Query(), cancellationToken);
}
