using CommunityHub.Application.Spaces;
using CommunityHub.Application.Tags;
using CommunityHub.Application.Threads;
using CommunityHub.Web.Forms;
using CommunityHub.Web.Links;
using CommunityHub.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Threads;

[Authorize]
[RequestSizeLimit(Attachments.UploadLimits.RequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = Attachments.UploadLimits.RequestBytes)]
[RateLimited(RateLimitPolicy.Posting)]
public sealed class NewModel(IMediator mediator, CommunityLinks links) : PageModel, IReloadOnInvalidPost
{
    /// <summary>Files chosen in the form's file input (sent with the post, through the same use case).</summary>
    [BindProperty(Name = "Files")]
    public List<IFormFile> Files { get; set; } = [];

    [BindProperty(Name = UseCaseOutcomeFilter.FormPrefix)]
    public StartThread.Command Input { get; set; } = new();

    public GetSpaceSummary.Summary Space { get; private set; } = null!;

    /// <summary>The tags to choose from, the space's required groups marked.</summary>
    public GetTagCatalogue.Catalogue Tags { get; private set; } = null!;

    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input.SubmissionId = Guid.NewGuid();
        await ReloadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input.SpaceSlug = Slug;
        Input.Files = await Attachments.UploadLimits.ReadAllAsync(Files, cancellationToken);
        var started = await mediator.Send(Input, cancellationToken);
        return Redirect(links.Thread(started.SpaceSlug, started.ThreadId).Path);
    }

    /// <summary>The text as it will be posted, after "Preview"; null otherwise.</summary>
    public string? PreviewHtml { get; private set; }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        PreviewHtml = await Attachments.ComposerPreviews.PreviewAsync(mediator, Input.Body, Input.AttachmentIds, Files, ModelState, cancellationToken);
        await ReloadAsync(cancellationToken);
        return Page();
    }

    /// <summary>The "check for similar questions" step (without script): the form again, with what may answer it.</summary>
    public Application.Asking.SuggestSimilarThreads.Result? Suggestions { get; private set; }

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken cancellationToken)
    {
        Suggestions = await mediator.Send(new Application.Asking.SuggestSimilarThreads.Command { SpaceSlug = Slug, Title = Input.Title, FormId = Input.SubmissionId }, cancellationToken);
        await ReloadAsync(cancellationToken);
        return Page();
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        Space = await mediator.Send(new GetSpaceSummary.Query(Slug), cancellationToken);
        Tags = await mediator.Send(new GetTagCatalogue.Query(Slug), cancellationToken);
    }
}
