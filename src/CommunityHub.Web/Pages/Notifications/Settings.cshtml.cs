using CommunityHub.Application.Members;
using CommunityHub.Application.Notifications;
using CommunityHub.Web.Forms;
using CommunityHub.Web.Http;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Notifications;

[ShowsMalformedValuesOnTheForm]
public sealed class SettingsModel(IMediator mediator) : PageModel, IReloadOnInvalidPost
{
    [BindProperty(Name = UseCaseOutcomeFilter.FormPrefix)]
    public UpdateNotificationSettings.Command Input { get; set; } = new();

    public GetNotificationSettings.Settings Settings { get; private set; } = null!;

    [TempData]
    public string? Saved { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            // Only a forged or garbled form gets here: the page offers nothing but valid choices.
            ModelState.AddModelError(string.Empty, "Choose one of the offered options for each kind of notification.");
            await ReloadAsync(cancellationToken);
            return Page();
        }

        await mediator.Send(Input, cancellationToken);
        Saved = "Your notification settings are saved.";
        return RedirectToPage("/Notifications/Settings");
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        Saved = await mediator.Send(new ResendEmailConfirmation.Command(), cancellationToken)
            ? "We sent the confirmation e-mail again. Follow its link to confirm your address."
            : "Your address is confirmed already.";
        return RedirectToPage("/Notifications/Settings");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Settings = await mediator.Send(new GetNotificationSettings.Query(), cancellationToken);
}
