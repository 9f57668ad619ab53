using CommunityHub.Application.Moderation;
using CommunityHub.Application.Threads;
using CommunityHub.Web.Forms;
using CommunityHub.Web.Links;
using CommunityHub.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Posts;

[Authorize]
[RateLimited(RateLimitPolicy.Flagging)]
public sealed class FlagModel(IMediator mediator, CommunityLinks links) : PageModel, IReloadOnInvalidPost
{
    [FromRoute]
    public long Id { get; set; }

    [BindProperty(Name = UseCaseOutcomeFilter.FormPrefix)]
    public FlagPost.Command Input { get; set; } = new();

    /// <summary>The post being flagged, as the reader may see it.</summary>
    public GetPostHistory.History Post { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input.PostId = Id;
        var flagged = await mediator.Send(Input, cancellationToken);
        TempData["Notice"] = "Thank you: the moderators will look at the post.";
        return Redirect(links.Post(flagged.SpaceSlug, flagged.ThreadId, flagged.PostId));
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Post = await mediator.Send(new GetPostHistory.Query(Id), cancellationToken);
}
