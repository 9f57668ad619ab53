using CommunityHub.Application.Moderation;
using CommunityHub.Application.Threads;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Posts;

/// <summary>One-button actions on a post from the thread page: restore a hidden reply, mark or clear the
/// official answer. The use cases decide who may; afterwards the reader returns to the post.</summary>
public sealed class ActionsModel(IMediator mediator) : PageModel
{
    [FromRoute]
    public long Id { get; set; }

    [BindProperty]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public bool Official { get; set; }

    public string BackUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    public IActionResult OnGet() => LocalRedirect(BackUrl);

    public async Task<IActionResult> OnPostRestoreAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new RestorePost.Command(Id), cancellationToken);
        return LocalRedirect($"{BackUrl}?before={Id + 1}#post-{Id}");
    }

    public async Task<IActionResult> OnPostOfficialAsync(CancellationToken cancellationToken)
    {
        var threadId = (await mediator.Send(new GetPostHistory.Query(Id), cancellationToken)).ThreadId;
        var marked = await mediator.Send(new MarkOfficialAnswer.Command { ThreadId = threadId, PostId = Official ? Id : null }, cancellationToken);
        return Redirect($"/s/{marked.SpaceSlug}/t/{marked.ThreadId}?before={Id + 1}#post-{Id}");
    }
}
