using CommunityHub.Application.Moderation;
using CommunityHub.Application.Threads;
using CommunityHub.Web.Forms;
using CommunityHub.Web.Links;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Posts;

/// <summary>One-button actions on a post from the thread page: restore a hidden reply, mark or clear the
/// official answer. The use cases decide who may and say where the post is; the reader returns to it.</summary>
public sealed class ActionsModel(IMediator mediator, CommunityLinks links) : PageModel, IReloadOnInvalidPost
{
    [FromRoute]
    public long Id { get; set; }

    [BindProperty]
    public bool Official { get; set; }

    public async Task<IActionResult> OnPostRestoreAsync(CancellationToken cancellationToken)
    {
        var restored = await mediator.Send(new RestorePost.Command(Id), cancellationToken);
        return Redirect(links.Post(restored.SpaceSlug, restored.ThreadId, restored.PostId));
    }

    public async Task<IActionResult> OnPostOfficialAsync(CancellationToken cancellationToken)
    {
        var marked = await mediator.Send(new MarkOfficialAnswer.Command { PostId = Id, Official = Official }, cancellationToken);
        return Redirect(links.Post(marked.SpaceSlug, marked.ThreadId, marked.PostId));
    }

    /// <summary>Where to lead back to when the action was refused (the page then says why).</summary>
    public string BackUrl { get; private set; } = "/";

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var location = await mediator.Send(new LocatePost.Query(Id), cancellationToken);
        BackUrl = links.Post(location.SpaceSlug, location.ThreadId, location.PostId);
    }
}
