using CommunityHub.Application.Account;
using CommunityHub.Web.Forms;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Account;

[Authorize]
public sealed class SignInsModel(IMediator mediator) : PageModel, IReloadOnInvalidPost
{
    [BindProperty(Name = UseCaseOutcomeFilter.FormPrefix)]
    public UnlinkProvider.Command Input { get; set; } = new();

    public GetAccount.AccountView Account { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Input, cancellationToken);
        TempData["Notice"] = "That sign-in is removed.";
        return RedirectToPage("/Account/SignIns");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Account = await mediator.Send(new GetAccount.Query(), cancellationToken);
}
