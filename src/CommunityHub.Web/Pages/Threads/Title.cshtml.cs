using CommunityHub.Application.Threads;
using CommunityHub.Web.Forms;
using CommunityHub.Web.Links;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Threads;

/// <summary>The form that changes a thread's title (/s/{slug}/t/{id}/title): its starter while the thread allows edits,
/// Leaders, staff and moderators. The use case decides again on the write.</summary>
[Authorize]
public sealed class TitleModel(IMediator mediator, CommunityLinks links) : PageModel, IReloadOnInvalidPost
{
    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    [FromRoute]
    public long Id { get; set; }

    [BindProperty(Name = UseCaseOutcomeFilter.FormPrefix)]
    public RetitleThread.Command Input { get; set; } = new();

    public GetThread.ThreadPage Thread { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        if (!Thread.CanRetitle)
        {
            return Forbid();
        }

        Input.Title = Thread.Title;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input.ThreadId = Id;
        var done = await mediator.Send(Input, cancellationToken);
        return Redirect(links.Thread(done.SpaceSlug, done.ThreadId).Path);
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Thread = await mediator.Send(new GetThread.Query(Id), cancellationToken);
}
