using CommunityHub.Application.Attachments;
using CommunityHub.Domain.Attachments;
using CommunityHub.Domain.Common;
using CommunityHub.Web.Links;
using CommunityHub.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Attachments;

/// <summary>The composer's script uploads a pasted or dropped file here (with the form's antiforgery token) and gets the
/// pending attachment back, which the form then references. Without script, files go with the form itself.</summary>
[Authorize]
[RateLimited(RateLimitPolicy.Uploading)]
[RequestSizeLimit(UploadLimits.RequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimits.RequestBytes)]
public sealed class UploadModel(IMediator mediator, CommunityLinks links) : PageModel
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return BadRequest(new { error = "Choose a file to upload." });
        }

        try
        {
            var uploaded = await mediator.Send(new UploadAttachment.Command { File = await UploadLimits.ReadAsync(file, cancellationToken) }, cancellationToken);
            return new JsonResult(new
            {
                id = uploaded.Id,
                name = uploaded.FileName,
                type = uploaded.MediaType,
                size = uploaded.SizeText,
                isImage = uploaded.IsImage,
                thumbnail = uploaded.IsImage ? links.Attachment(uploaded.Id, uploaded.FileName, AttachmentVariant.Thumbnail) : null,
            });
        }
        catch (DomainException refused)
        {
            return BadRequest(new { error = refused.Message });
        }
    }
}

/// <summary>How much one request may carry: the form's files together (each is checked against the settings).</summary>
public static class UploadLimits
{
    public const long RequestBytes = 64L * 1024 * 1024;

    public static async Task<Upload> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var buffer = new MemoryStream((int)Math.Min(file.Length, RequestBytes));
        await file.CopyToAsync(buffer, cancellationToken);
        return new Upload(file.FileName, buffer.ToArray());
    }

    public static async Task<IReadOnlyList<Upload>> ReadAllAsync(IEnumerable<IFormFile>? files, CancellationToken cancellationToken)
    {
        var read = new List<Upload>();
        foreach (var file in files ?? [])
        {
            if (file.Length > 0 || !string.IsNullOrEmpty(file.FileName))
            {
                read.Add(await ReadAsync(file, cancellationToken));
            }
        }

        return read;
    }
}

/// <summary>The composer's preview, when one was asked for: its HTML and the heading level it sits at.</summary>
public sealed record ComposerPreview(string? Html, int HeadingLevel);

/// <summary>"Preview" on a composer: the text rendered as it will be posted, and the files chosen in the form kept as
/// pending uploads (a browser does not fill a file input again), so that nothing chosen is lost.</summary>
public static class ComposerPreviews
{
    public static async Task<string> PreviewAsync(IMediator mediator, string? body, IList<Guid> attachmentIds, IEnumerable<IFormFile>? files,
        Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mediator);
        ArgumentNullException.ThrowIfNull(attachmentIds);
        ArgumentNullException.ThrowIfNull(modelState);
        foreach (var file in await UploadLimits.ReadAllAsync(files, cancellationToken))
        {
            try
            {
                attachmentIds.Add((await mediator.Send(new UploadAttachment.Command { File = file }, cancellationToken)).Id);
            }
            catch (DomainException refused)
            {
                modelState.AddModelError(string.Empty, refused.Message);
            }
        }

        return await mediator.Send(new Application.Threads.PreviewPost.Query(body), cancellationToken);
    }
}
