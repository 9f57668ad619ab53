using CommunityHub.Application.Account;
using CommunityHub.Application.Members;
using CommunityHub.Application.Registration;
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
public sealed class RegisterModel(IMediator mediator, SignInManager<CommunityUser> signIn, IOptionsSnapshot<SingleSignOnOptions> sso, RegistrationFormGuard guard) : PageModel, IReloadOnInvalidPost
{
    public bool LocalPasswords => sso.Value.LocalPasswords;

    [BindProperty(Name = UseCaseOutcomeFilter.FormPrefix)]
    public RegisterMember.Command Input { get; set; } = new();

    [FromQuery]
    public string? ReturnUrl { get; set; }

    /// <summary>The invite link's code (<c>?invite=…</c>), carried by the form as <c>Input.InviteCode</c>.</summary>
    [FromQuery(Name = "invite")]
    public string? Invite { get; set; }

    [BindProperty(Name = RegistrationFormGuard.HoneypotField)]
    public string? Honeypot { get; set; }

    [BindProperty(Name = RegistrationFormGuard.ShownAtField)]
    public string? ShownAt { get; set; }

    /// <summary>What the page says about the invite: whether one is needed and why the one given does not do.</summary>
    public GetInvites.InviteCheck InviteState { get; private set; } = new(false, null);

    /// <summary>Whether the form is offered: not when the community is invite-only and no usable invite came with the visit.</summary>
    public bool Open => LocalPasswords && InviteState.Refusal is null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input.InviteCode = Invite;
        await PrepareAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // In SSO-only mode there is no form to guard: the use case answers every post with the SSO-only refusal.
        if (LocalPasswords && !guard.Admits(Honeypot, ShownAt))
        {
            ModelState.AddModelError(string.Empty, RegistrationFormGuard.Refusal);
            await PrepareAsync(cancellationToken);
            return Page();
        }

        var memberId = await mediator.Send(Input, cancellationToken);
        var user = await signIn.UserManager.FindByIdAsync(memberId.ToString());
        await signIn.SignInAsync(user!, isPersistent: false);
        // Tell the newcomer where the confirmation e-mail went, before they try to post.
        return RedirectToPage("/Account/Welcome", new { returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Url.Page("/Index") });
    }

    public Task ReloadAsync(CancellationToken cancellationToken) => PrepareAsync(cancellationToken);

    /// <summary>A fresh signed time stamp each time the form is shown (after a refusal too), and the invite's state.</summary>
    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        ShownAt = guard.Stamp();
        ModelState.Remove(RegistrationFormGuard.ShownAtField);
        InviteState = await mediator.Send(new GetInvites.CheckQuery(Input.InviteCode), cancellationToken);
    }
}
