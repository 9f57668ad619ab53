using CommunityHub.Application.Asking;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Threads;

/// <summary>The new-thread form's suggestions: fetched by its script as the title is typed (an HTML fragment, no
/// layout), and the door to a suggested thread, which records that the asker opened it. Both are reads that
/// record a measure, so they are GETs: a link must stay a link.</summary>
[Authorize]
public sealed class SimilarModel(IMediator mediator) : PageModel
{
    public SuggestSimilarThreads.Result Suggestions { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery] string? title, [FromQuery] Guid form, CancellationToken cancellationToken)
    {
        Suggestions = await mediator.Send(new SuggestSimilarThreads.Command { SpaceSlug = slug, Title = title, FormId = form }, cancellationToken);
        return Partial("_SimilarThreads", Suggestions);
    }

    public async Task<IActionResult> OnGetOpenAsync([FromQuery] Guid form, [FromQuery] long open, CancellationToken cancellationToken)
    {
        var opened = await mediator.Send(new OpenSuggestion.Command { FormId = form, ThreadId = open }, cancellationToken);
        return RedirectToPage("/Threads/Show", new { slug = opened.SpaceSlug, id = opened.ThreadId });
    }
}
