using CommunityHub.Application.Composer;
using CommunityHub.Web.Links;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Drafts;

/// <summary>The composer's draft for one place (<c>thread</c> or <c>space</c>): read when the composer opens, saved as the
/// member types (with the form's antiforgery token). A place the member may not enter is a 404.</summary>
[Authorize]
public sealed class CurrentModel(IMediator mediator, CommunityLinks links) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long? thread, string? space, CancellationToken cancellationToken)
    {
        var draft = await mediator.Send(new GetDraft.Query(new DraftPlace(thread, space)), cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return draft is null ? new NoContentResult() : new JsonResult(new { title = draft.Title, body = draft.Body, updatedAt = draft.UpdatedAt, drafts = links.Drafts });
    }

    public async Task<IActionResult> OnPostAsync(long? thread, string? space, string? title, string? body, CancellationToken cancellationToken)
    {
        var saved = await mediator.Send(new SaveDraft.Command { ThreadId = thread, SpaceSlug = space, Title = title, Body = body }, cancellationToken);
        return new JsonResult(new { saved = saved is not null, drafts = links.Drafts });
    }
}
