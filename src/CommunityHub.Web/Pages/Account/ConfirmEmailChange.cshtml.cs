using CommunityHub.Application.Account;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Account;

/// <summary>The link sent to the new address. Opening it asks; the button changes (mail scanners that open links
/// change nothing).</summary>
public sealed class ConfirmEmailChangeModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Member { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public bool? Outcome { get; private set; }

    public void OnGet()
    {
        if (Member == Guid.Empty || string.IsNullOrEmpty(Email) || string.IsNullOrEmpty(Code))
        {
            Outcome = false;
        }
    }

    public async Task OnPostAsync(CancellationToken cancellationToken) =>
        Outcome = await mediator.Send(new ConfirmEmailChange.Command(Member, Email ?? string.Empty, Code ?? string.Empty), cancellationToken);
}
