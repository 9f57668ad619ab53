using CommunityHub.Application.Threads;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Composer;

/// <summary>The composer's Preview tab (script): the text rendered by the same pipeline as posting
/// (<see cref="PreviewPost"/>: Markdown, the sanitiser, @mention links), answered as an HTML fragment. Without script,
/// the forms' own Preview button does the same as a form submit.</summary>
[Authorize]
public sealed class PreviewModel(IMediator mediator) : PageModel
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync(string? body, CancellationToken cancellationToken)
    {
        var html = await mediator.Send(new PreviewPost.Query(body), cancellationToken);
        return Content(html, "text/html; charset=utf-8");
    }
}
