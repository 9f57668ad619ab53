using CommunityHub.Application.Account;
using CommunityHub.Infrastructure.Identity;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Account;

[Authorize]
public sealed class SessionsModel(IMediator mediator, SignInManager<CommunityUser> signIn) : PageModel
{
    public IReadOnlyList<ListSessions.SessionView> Sessions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Sessions = await mediator.Send(new ListSessions.Query(), cancellationToken);

    public async Task<IActionResult> OnPostEndAsync(string? sessionId, CancellationToken cancellationToken)
    {
        await mediator.Send(new EndSession.Command(sessionId ?? string.Empty), cancellationToken);
        TempData["Notice"] = "That session is signed out.";
        return RedirectToPage("/Account/Sessions");
    }

    public async Task<IActionResult> OnPostEverywhereAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new SignOutEverywhere.Command(), cancellationToken);
        await signIn.SignOutAsync();
        TempData["Notice"] = "You are signed out everywhere.";
        return RedirectToPage("/Account/SignIn");
    }
}
