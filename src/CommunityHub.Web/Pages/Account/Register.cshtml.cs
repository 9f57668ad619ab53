using CommunityHub.Application.Account;
using CommunityHub.Application.Members;
using CommunityHub.Infrastructure.Identity;
using CommunityHub.Web.Forms;
using CommunityHub.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CommunityHub.Web.Pages.Account;

[RateLimited(RateLimitPolicy.Registration)]
public sealed class RegisterModel(IMediator mediator, SignInManager<CommunityUser> signIn, IOptionsSnapshot<SingleSignOnOptions> sso) : PageModel
{
    public bool LocalPasswords => sso.Value.LocalPasswords;

    [BindProperty(Name = UseCaseOutcomeFilter.FormPrefix)]
    public RegisterMember.Command Input { get; set; } = new();

    [FromQuery]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var memberId = await mediator.Send(Input, cancellationToken);
        var user = await signIn.UserManager.FindByIdAsync(memberId.ToString());
        await signIn.SignInAsync(user!, isPersistent: false);
        // Tell the newcomer where the confirmation e-mail went, before they try to post.
        return RedirectToPage("/Account/Welcome", new { returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Url.Page("/Index") });
    }
}
