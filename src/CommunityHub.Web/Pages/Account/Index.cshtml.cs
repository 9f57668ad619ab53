using CommunityHub.Application.Account;
using CommunityHub.Infrastructure.Identity;
using CommunityHub.Web.Forms;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Account;

/// <summary>The account page: the profile form, and where to change everything else about signing in.</summary>
[Authorize]
public sealed class IndexModel(IMediator mediator, SignInManager<CommunityUser> signIn) : PageModel, IReloadOnInvalidPost
{
    [BindProperty(Name = UseCaseOutcomeFilter.FormPrefix)]
    public UpdateProfile.Command Input { get; set; } = new();

    public GetAccount.AccountView Account { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        Input = new UpdateProfile.Command
        {
            DisplayName = Account.DisplayName,
            Handle = Account.Handle,
            Bio = Account.Bio,
            Website = Account.Website,
            TimeZone = Account.TimeZone,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Input, cancellationToken);
        // Name, handle and time zone travel in the sign-in cookie.
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
        {
            await signIn.RefreshSignInAsync(user);
        }

        TempData["Notice"] = "Your profile is saved.";
        return RedirectToPage("/Account/Index");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Account = await mediator.Send(new GetAccount.Query(), cancellationToken);
}
