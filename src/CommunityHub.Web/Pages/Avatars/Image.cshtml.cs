using CommunityHub.Application.Avatars;
using CommunityHub.Web.Pages.Attachments;
using CommunityHub.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Avatars;

/// <summary>Serves a member's picture to anyone (it is public, like their name). A new picture has a new id, so each
/// address always means the same bytes: browsers and proxies keep it for a year without asking again. An unknown id or
/// size, a replaced or removed picture, a banned or former member's, is a 404.</summary>
public sealed class ImageModel(IMediator mediator) : PageModel
{
    public const string CacheControl = "public, max-age=31536000, immutable";

    public async Task<IActionResult> OnGetAsync(Guid id, int size, CancellationToken cancellationToken)
    {
        var avatar = await mediator.Send(new GetAvatar.Query(id, size), cancellationToken);
        HttpContext.Items[SecurityHeaders.ContentSecurityPolicyItem] = FileModel.ImagePolicy;
        Response.Headers.CacheControl = CacheControl;
        return File(avatar.Content, avatar.ContentType);
    }
}
