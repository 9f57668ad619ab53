using CommunityHub.Application.Members;
using CommunityHub.Web.Forms;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Account;

public sealed class ResetPasswordModel(IMediator mediator) : PageModel
{
    [BindProperty(Name = UseCaseOutcomeFilter.FormPrefix)]
    public ResetPassword.Command Input { get; set; } = new();

    public void OnGet([FromQuery] string? email, [FromQuery] string? code)
    {
        Input.Email = email ?? string.Empty;
        Input.Code = code ?? string.Empty;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Input, cancellationToken);
        return RedirectToPage("/Account/SignIn", new { reset = "true" });
    }
}
