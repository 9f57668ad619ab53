using System.Net.Mime;
using CommunityHub.Application.Attachments;
using CommunityHub.Domain.Attachments;
using CommunityHub.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;

namespace CommunityHub.Web.Pages.Attachments;

/// <summary>Serves one copy of an attachment to whoever may open it (the use case asks ConversationPolicy; anyone else
/// gets a 404). Images inline with their own type; any other file only as a download, in a sandbox, with a type the
/// browser must not second-guess (nosniff is on every response).</summary>
public sealed class FileModel(IMediator mediator) : PageModel
{
    /// <summary>What a file other than an image may do if a browser renders it anyway: nothing.</summary>
    public const string FilePolicy = "sandbox; default-src 'none'; frame-ancestors 'none'";

    /// <summary>An image opened on its own: shown, nothing else.</summary>
    public const string ImagePolicy = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'";

    public async Task<IActionResult> OnGetAsync(Guid id, string variant, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<AttachmentVariant>(variant, ignoreCase: true, out var which) || !Enum.IsDefined(which) || variant.Any(char.IsDigit))
        {
            return NotFound();
        }

        var file = await mediator.Send(new GetAttachment.Query(id, which), cancellationToken);
        HttpContext.Items[SecurityHeaders.ContentSecurityPolicyItem] = file.Inline ? ImagePolicy : FilePolicy;
        // Who may read it can change (a post hidden later): the browser keeps it for itself, briefly.
        Response.Headers.CacheControl = "private, max-age=3600";
        var disposition = new ContentDispositionHeaderValue(file.Inline ? DispositionTypeNames.Inline : DispositionTypeNames.Attachment);
        disposition.SetHttpFileName(file.FileName);
        Response.Headers.ContentDisposition = disposition.ToString();
        return File(file.Content, file.MediaType);
    }
}
