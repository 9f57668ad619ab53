using CommunityHub.Application.Account;
using CommunityHub.Application.Avatars;
using CommunityHub.Web.Forms;
using CommunityHub.Web.Pages.Attachments;
using CommunityHub.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Account;

/// <summary>The member's picture (/account/avatar): a plain file input that works without script, the current picture,
/// and a Remove button. What the use cases refuse (not a picture, damaged, too big) comes back as a message on the form.</summary>
[Authorize]
[RateLimited(RateLimitPolicy.Avatar)]
[RequestSizeLimit(UploadLimits.RequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimits.RequestBytes)]
public sealed class AvatarModel(IMediator mediator) : PageModel, IReloadOnInvalidPost
{
    public GetAccount.AccountView Account { get; private set; } = null!;

    /// <summary>Whose picture (a member's own, unless forged: the use case refuses anyone else's).</summary>
    [BindProperty(Name = UseCaseOutcomeFilter.FormPrefix + ".MemberId")]
    public Guid MemberId { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(IFormFile? picture, CancellationToken cancellationToken)
    {
        if (picture is null || (picture.Length == 0 && string.IsNullOrEmpty(picture.FileName)))
        {
            ModelState.AddModelError(string.Empty, "Choose a picture to upload: a PNG, JPEG, WebP or GIF image.");
            await ReloadAsync(cancellationToken);
            return Page();
        }

        await mediator.Send(new ChangeAvatar.Command { MemberId = MemberId, File = await UploadLimits.ReadAsync(picture, cancellationToken) }, cancellationToken);
        TempData["Notice"] = "Your picture is up.";
        return RedirectToPage("/Account/Avatar");
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new RemoveAvatar.Command { MemberId = MemberId }, cancellationToken);
        TempData["Notice"] = "Your picture is gone: your initial shows again.";
        return RedirectToPage("/Account/Avatar");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Account = await mediator.Send(new GetAccount.Query(), cancellationToken);
}
