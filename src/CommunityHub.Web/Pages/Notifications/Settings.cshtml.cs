using CommunityHub.Application.Notifications;
using CommunityHub.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Notifications;

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
        await mediator.Send(Input, cancellationToken);
        Saved = "Your notification settings are saved.";
        return Redirect("/notifications/settings");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Settings = await mediator.Send(new GetNotificationSettings.Query(), cancellationToken);
}
