using CommunityHub.Application.Moderation;
using CommunityHub.Application.Threads;
using CommunityHub.Web.Forms;
using CommunityHub.Web.Links;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Posts;

[Authorize]
public sealed class HideModel(IMediator mediator, CommunityLinks links) : PageModel, IReloadOnInvalidPost
{
    [FromRoute]
    public long Id { get; set; }

    [BindProperty(Name = UseCaseOutcomeFilter.FormPrefix)]
    public HidePost.Command Input { get; set; } = new();

    public GetPostHistory.History Post { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input.PostId = Id;
        var hidden = await mediator.Send(Input, cancellationToken);
        return Redirect(links.Post(hidden.SpaceSlug, hidden.ThreadId, hidden.PostId));
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Post = await mediator.Send(new GetPostToHide.Query(Id), cancellationToken);
}
