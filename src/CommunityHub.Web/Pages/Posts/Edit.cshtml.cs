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
[RateLimited(RateLimitPolicy.Posting)]
public sealed class EditModel(IMediator mediator, CommunityLinks links) : PageModel, IReloadOnInvalidPost
{
    [FromRoute]
    public long Id { get; set; }

    [BindProperty(Name = UseCaseOutcomeFilter.FormPrefix)]
    public EditPost.Command Input { get; set; } = new();

    public GetPostForEditing.Draft Draft { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        Input.Body = Draft.Body;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input.PostId = Id;
        var edited = await mediator.Send(Input, cancellationToken);
        return Redirect(links.Post(edited.SpaceSlug, edited.ThreadId, edited.PostId));
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        Draft = await mediator.Send(new GetPostForEditing.Query(Id), cancellationToken);
        // After a conflict the page shows the current version; saving again deliberately replaces it.
        ModelState.Remove($"{UseCaseOutcomeFilter.FormPrefix}.{nameof(Input.Version)}");
        Input.Version = Draft.Version;
    }
}
