using CommunityHub.Domain.Composer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Composer;

/// <summary>The emoji shortcodes posts render (<see cref="EmojiShortcodes"/>), as JSON <c>[{"code":"tada","emoji":"🎉"}]</c>:
/// the composer's <c>:</c> completion loads the fixed list once and matches as the member types. Nothing private.</summary>
public sealed class EmojiModel : PageModel
{
    public IActionResult OnGet()
    {
        Response.Headers.CacheControl = "public, max-age=86400";
        return new JsonResult(EmojiShortcodes.All.Select(e => new { code = e.Key, emoji = e.Value }));
    }
}
