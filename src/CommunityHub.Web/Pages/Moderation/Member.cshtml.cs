using System.Globalization;
using CommunityHub.Application.Administration;
using CommunityHub.Application.Avatars;
using CommunityHub.Application.Moderation;
using CommunityHub.Web.Forms;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Moderation;

public sealed class MemberModel(IMediator mediator, TimeProvider clock) : PageModel, IReloadOnInvalidPost
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public SanctionMember.Command Sanction { get; set; } = new();

    [BindProperty]
    public SetMemberRoles.Command Roles { get; set; } = new();

    [BindProperty]
    public LockTrustLevel.Command TrustLock { get; set; } = new();

    [BindProperty]
    public RemoveAvatar.Command Picture { get; set; } = new();

    public GetMemberStanding.Standing Standing { get; private set; } = null!;

    /// <summary>The member's trust level; none for a former member.</summary>
    public GetMemberTrust.MemberTrust? Trust { get; private set; }

    public string Tomorrow => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        Roles = new SetMemberRoles.Command
        {
            Staff = Standing.Roles.Contains(Domain.Members.Roles.Staff),
            Executive = Standing.Roles.Contains(Domain.Members.Roles.Executive),
            Moderator = Standing.Roles.Contains(Domain.Members.Roles.Moderator),
            Admin = Standing.Roles.Contains(Domain.Members.Roles.Admin),
            Title = Standing.Title,
        };
    }

    public async Task<IActionResult> OnPostSanctionAsync(CancellationToken cancellationToken)
    {
        Sanction.MemberId = Id;
        await mediator.Send(Sanction, cancellationToken);
        return RedirectToPage("/Moderation/Member", new { id = Id });
    }

    public async Task<IActionResult> OnPostRolesAsync(CancellationToken cancellationToken)
    {
        Roles.MemberId = Id;
        await mediator.Send(Roles, cancellationToken);
        return RedirectToPage("/Moderation/Member", new { id = Id });
    }

    public async Task<IActionResult> OnPostTrustAsync(CancellationToken cancellationToken)
    {
        TrustLock.MemberId = Id;
        await mediator.Send(TrustLock, cancellationToken);
        return RedirectToPage("/Moderation/Member", new { id = Id });
    }

    /// <summary>Takes the member's picture down (the use case refuses anyone who may not moderate them); their initial shows.</summary>
    public async Task<IActionResult> OnPostPictureAsync(CancellationToken cancellationToken)
    {
        Picture.MemberId = Id;
        await mediator.Send(Picture, cancellationToken);
        TempData["Notice"] = "The picture is gone: their initial shows in its place.";
        return RedirectToPage("/Moderation/Member", new { id = Id });
    }

    /// <summary>Admins only (the use case refuses anyone else): a former member's posts become "removed" placeholders.</summary>
    public async Task<IActionResult> OnPostPurgeAsync(CancellationToken cancellationToken)
    {
        var purged = await mediator.Send(new PurgeFormerMember.Command(Id), cancellationToken);
        TempData["Notice"] = $"{purged.Posts} posts of the former member removed ({purged.Threads} of them opened a thread).";
        return RedirectToPage("/Moderation/Member", new { id = Id });
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        Standing = await mediator.Send(new GetMemberStanding.Query(Id), cancellationToken);
        Trust = Standing.IsFormer ? null : await mediator.Send(new GetMemberTrust.Query(Id), cancellationToken);
    }
}
