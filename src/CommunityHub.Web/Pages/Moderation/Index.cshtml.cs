using System.Globalization;
using CommunityHub.Application.Moderation;
using CommunityHub.Web.Forms;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Moderation;

public sealed class IndexModel(IMediator mediator, TimeProvider clock) : PageModel, IReloadOnInvalidPost
{
    [BindProperty(Name = UseCaseOutcomeFilter.FormPrefix)]
    public ResolveFlag.Command Input { get; set; } = new();

    public GetOpenFlags.OpenFlags Queue { get; private set; } = null!;

    public string Tomorrow => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Input, cancellationToken);
        return RedirectToPage("/Moderation/Index");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Queue = await mediator.Send(new GetOpenFlags.Query(), cancellationToken);
}
