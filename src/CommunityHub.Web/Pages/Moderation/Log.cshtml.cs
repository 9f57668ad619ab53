using CommunityHub.Application.Moderation;
using CommunityHub.Domain.Moderation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Moderation;

public sealed class LogModel(IMediator mediator) : PageModel
{
    [FromQuery]
    public Guid? Moderator { get; set; }

    [FromQuery]
    public ModerationAction? Action { get; set; }

    [FromQuery]
    public long? Before { get; set; }

    public GetAuditLog.Page Log { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Log = await mediator.Send(new GetAuditLog.Query(Moderator, Action, Before), cancellationToken);
}
