using CommunityHub.Application.Members;
using CommunityHub.Web.Forms;
using CommunityHub.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Account;

[RateLimited(RateLimitPolicy.PasswordReset)]
public sealed class ForgotPasswordModel(IMediator mediator) : PageModel
{
    [BindProperty(Name = UseCaseOutcomeFilter.FormPrefix)]
    public RequestPasswordReset.Command Input { get; set; } = new();

    [FromQuery]
    public bool Sent { get; set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Input, cancellationToken);
        return RedirectToPage("/Account/ForgotPassword", new { sent = "true" });
    }
}
