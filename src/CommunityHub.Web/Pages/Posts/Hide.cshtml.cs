using CommunityHub.Application.Moderation;
using CommunityHub.Application.Threads;
using CommunityHub.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Posts;

[Authorize]
public sealed class HideModel(IMediator mediator) : PageModel, IReloadOnInvalidPost
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
        await mediator.Send(Input, cancellationToken);
        await ReloadAsync(cancellationToken);
        return Redirect($"/s/{Post.SpaceSlug}/t/{Post.ThreadId}?before={Id + 1}#post-{Id}");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Post = await mediator.Send(new HidePost.Query(Id), cancellationToken);
}
