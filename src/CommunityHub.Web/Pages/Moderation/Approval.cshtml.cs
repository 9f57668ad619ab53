using CommunityHub.Application.Moderation;
using CommunityHub.Web.Forms;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Moderation;

/// <summary>The posts that wait for a moderator: approve publishes one (and only then tells anyone), reject tells its author why.</summary>
public sealed class ApprovalModel(IMediator mediator) : PageModel, IReloadOnInvalidPost
{
    [BindProperty(Name = UseCaseOutcomeFilter.FormPrefix)]
    public RejectPost.Command Input { get; set; } = new();

    public GetPendingPosts.PendingPosts Queue { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new ApprovePost.Command { PostId = Input.PostId }, cancellationToken);
        return RedirectToPage("/Moderation/Approval", new { approved = Input.PostId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }

    public async Task<IActionResult> OnPostRejectAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Input, cancellationToken);
        return RedirectToPage("/Moderation/Approval");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Queue = await mediator.Send(new GetPendingPosts.Query(), cancellationToken);
}
