using CommunityHub.Application.Ideas;
using CommunityHub.Application.Threads;
using CommunityHub.Web.Forms;
using CommunityHub.Web.Links;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Ideas;

/// <summary>An idea's forms post here (vote or take it back, set a status, merge into another); each goes back to
/// where it came from. Who may is decided by the use cases and the idea itself.</summary>
public sealed class ActionsModel(IMediator mediator, CommunityLinks links) : PageModel, IReloadOnInvalidPost
{
    [FromRoute]
    public long Id { get; set; }

    [BindProperty(Name = UseCaseOutcomeFilter.FormPrefix)]
    public SetIdeaStatus.Command Input { get; set; } = new();

    /// <summary>Where to lead back to when the action was refused (the page then says why).</summary>
    public string BackUrl { get; private set; } = "/";

    public async Task<IActionResult> OnPostVoteAsync(bool vote, string? back, CancellationToken cancellationToken)
    {
        var done = await mediator.Send(new VoteForIdea.Command { ThreadId = Id, Vote = vote }, cancellationToken);
        // Back to the list the vote was cast from (a local address only), else to the idea.
        return Url.IsLocalUrl(back) ? LocalRedirect(back) : Redirect(links.Thread(done.SpaceSlug, done.ThreadId).Path + "#idea");
    }

    public async Task<IActionResult> OnPostStatusAsync(CancellationToken cancellationToken)
    {
        Input.ThreadId = Id;
        var done = await mediator.Send(Input, cancellationToken);
        return Redirect(links.Thread(done.SpaceSlug, done.ThreadId).Path + "#idea");
    }

    public async Task<IActionResult> OnPostMergeAsync(long into, CancellationToken cancellationToken)
    {
        var done = await mediator.Send(new MergeIdea.Command { ThreadId = Id, IntoThreadId = into }, cancellationToken);
        return Redirect(links.Thread(done.SpaceSlug, done.ThreadId).Path + "#idea");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var location = await mediator.Send(new LocatePost.Query(null, Id), cancellationToken);
        BackUrl = links.Post(location.SpaceSlug, location.ThreadId, location.PostId);
    }
}
