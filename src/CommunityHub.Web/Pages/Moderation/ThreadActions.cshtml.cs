using CommunityHub.Application.Threads;
using CommunityHub.Application.Moderation;
using CommunityHub.Web.Forms;
using CommunityHub.Web.Links;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Moderation;

/// <summary>The thread moderation forms post here (pin, lock, close and their undoing; move); each goes
/// back to the thread. Who may is decided by the use cases.</summary>
public sealed class ThreadActionsModel(IMediator mediator, CommunityLinks links) : PageModel, IReloadOnInvalidPost
{
    [FromRoute]
    public long Id { get; set; }

    [BindProperty(Name = UseCaseOutcomeFilter.FormPrefix)]
    public ModerateThread.Command Input { get; set; } = new();

    [BindProperty]
    public MoveThread.Command Move { get; set; } = new();

    public async Task<IActionResult> OnPostChangeAsync(CancellationToken cancellationToken)
    {
        Input.ThreadId = Id;
        var changed = await mediator.Send(Input, cancellationToken);
        return Redirect(links.Thread(changed.SpaceSlug, changed.ThreadId).Path);
    }

    public async Task<IActionResult> OnPostMoveAsync(CancellationToken cancellationToken)
    {
        Move.ThreadId = Id;
        var moved = await mediator.Send(Move, cancellationToken);
        return Redirect(links.Thread(moved.SpaceSlug, moved.ThreadId).Path);
    }

    /// <summary>Where to lead back to when the action was refused (the page then says why).</summary>
    public string BackUrl { get; private set; } = "/";

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var location = await mediator.Send(new LocatePost.Query(null, Id), cancellationToken);
        BackUrl = links.Post(location.SpaceSlug, location.ThreadId, location.PostId);
    }
}
