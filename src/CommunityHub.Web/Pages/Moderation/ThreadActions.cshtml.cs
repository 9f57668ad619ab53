using CommunityHub.Application.Moderation;
using CommunityHub.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Moderation;

/// <summary>The thread moderation forms post here (pin, lock, close and their undoing; move); each goes
/// back to the thread. Who may is decided by the use cases.</summary>
public sealed class ThreadActionsModel(IMediator mediator) : PageModel
{
    [FromRoute]
    public long Id { get; set; }

    [BindProperty(Name = UseCaseOutcomeFilter.FormPrefix)]
    public ModerateThread.Command Input { get; set; } = new();

    [BindProperty]
    public MoveThread.Command Move { get; set; } = new();

    /// <summary>The thread page the form was on; only a local address is followed.</summary>
    [BindProperty]
    public string? ReturnUrl { get; set; }

    public string BackUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    public IActionResult OnGet() => LocalRedirect(BackUrl);

    public async Task<IActionResult> OnPostChangeAsync(CancellationToken cancellationToken)
    {
        Input.ThreadId = Id;
        await mediator.Send(Input, cancellationToken);
        return LocalRedirect(BackUrl);
    }

    public async Task<IActionResult> OnPostMoveAsync(CancellationToken cancellationToken)
    {
        Move.ThreadId = Id;
        var moved = await mediator.Send(Move, cancellationToken);
        return Redirect($"/s/{moved.SpaceSlug}/t/{moved.ThreadId}");
    }
}
