using CommunityHub.Application.Ties;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Staff;

public sealed class TriageModel(IMediator mediator) : PageModel
{
    public GetHelpTriage.Triage Triage { get; private set; } = null!;

    /// <summary>Set after an ask that changed nothing (the member had been asked about this thread already).</summary>
    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Triage = await mediator.Send(new GetHelpTriage.Query(), cancellationToken);

    public async Task<IActionResult> OnPostAskAsync(long thread, string handle, CancellationToken cancellationToken)
    {
        var asked = await mediator.Send(new AskForHelp.Command(thread, handle), cancellationToken);
        Notice = asked ? $"Asked @{handle}: they are notified once." : $"@{handle} was asked about this thread already.";
        return RedirectToPage();
    }
}
