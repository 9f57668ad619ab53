using CommunityHub.Application.Notifications;
using CommunityHub.Application.Reciprocity;
using CommunityHub.Application.Spaces;
using CommunityHub.Application.Threads;
using CommunityHub.Web.Forms;
using CommunityHub.Web.Http;
using CommunityHub.Web.Links;
using CommunityHub.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CommunityHub.Web.Pages.Threads;

[RequestSizeLimit(Attachments.UploadLimits.RequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = Attachments.UploadLimits.RequestBytes)]
[RateLimited(RateLimitPolicy.Posting, UnnamedHandlerOnly = true)]
[OutputCache(PolicyName = VisitorPageCache.ThreadPage)]
public sealed class ShowModel(IMediator mediator, CommunityLinks links) : PageModel, IReloadOnInvalidPost
{
    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    [FromRoute]
    public long Id { get; set; }

    [FromQuery]
    public long? After { get; set; }

    [FromQuery]
    public long? Before { get; set; }

    [FromQuery]
    public long? ReplyTo { get; set; }

    /// <summary>"Quote" without script: the reply form starts with the quoted post (when the reader may read it).</summary>
    [FromQuery]
    public long? Quote { get; set; }

    /// <summary>Files chosen in the form's file input (sent with the post, through the same use case).</summary>
    [BindProperty(Name = "Files")]
    public List<IFormFile> Files { get; set; } = [];

    [BindProperty(Name = UseCaseOutcomeFilter.FormPrefix)]
    public ReplyToThread.Command Input { get; set; } = new();

    public GetThread.ThreadPage Thread { get; private set; } = null!;

    /// <summary>The thread's addresses, from its route.</summary>
    public ThreadLinks Links { get; private set; } = null!;

    /// <summary>The other spaces a moderator may move the thread to (empty for everyone else: no query).</summary>
    public IReadOnlyList<ListSpaces.SpaceSummary> MoveTargets { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        if (Thread.SpaceSlug != Slug)
        {
            // The thread lives in another space (it may have been moved): send readers to where it is now.
            return RedirectPermanent(Links.Path + Request.QueryString);
        }

        if (User.Identity?.IsAuthenticated == true)
        {
            var reader = Thread.Reader;
            var lastShown = Thread.Replies.Count > 0 ? Math.Max(Thread.Replies[^1].Id, Thread.OpeningPost.Id) : Thread.OpeningPost.Id;
            if (reader.LastReadPostId is not { } read || lastShown > read)
            {
                await mediator.Send(new RecordThreadVisit.Command(Id, lastShown), cancellationToken);
            }
        }

        Input.SubmissionId = Guid.NewGuid();
        Input.InReplyToPostId = Thread.ReplyingTo?.Id;
        if (Quote is { } quote && await mediator.Send(new QuotePost.Query(Id, quote), cancellationToken) is { } quoted)
        {
            Input.Body = QuotePost.Markdown(quoted.AuthorName, Links.Post(quoted.PostId), quoted.Body);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostWatchAsync(ThreadWatchChoice choice, CancellationToken cancellationToken)
    {
        await mediator.Send(new WatchThread.Command { ThreadId = Id, Choice = choice }, cancellationToken);
        return Redirect(links.Thread(Slug, Id).Watch);
    }

    public async Task<IActionResult> OnPostDeleteAsync(long postId, CancellationToken cancellationToken)
    {
        var deleted = await mediator.Send(new DeleteReply.Command(Id, postId), cancellationToken);
        return Redirect(links.Post(deleted.SpaceSlug, deleted.ThreadId, deleted.PostId));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input.SpaceSlug = Slug;
        Input.ThreadId = Id;
        Input.Files = await Attachments.UploadLimits.ReadAllAsync(Files, cancellationToken);
        var posted = await mediator.Send(Input, cancellationToken);
        // The last page of replies ends with the new one.
        return Redirect(links.Post(posted.SpaceSlug, posted.ThreadId, posted.PostId));
    }

    /// <summary>One form per post carries every acknowledgement button; <paramref name="act"/> says which was pressed.</summary>
    public async Task<IActionResult> OnPostAcknowledgeAsync(long postId, string act, CancellationToken cancellationToken)
    {
        IRequest<AcknowledgementResult>? command = act switch
        {
            "helped" or "unhelped" => new MarkHelped.Command { PostId = postId, Helped = act == "helped" },
            "thank" or "unthank" => new ThankPost.Command { PostId = postId, Thanked = act == "thank" },
            "accept" => new AcceptAnswer.Command { ThreadId = Id, PostId = postId },
            "unaccept" => new AcceptAnswer.Command { ThreadId = Id, PostId = null },
            _ when act?.StartsWith("react:", StringComparison.Ordinal) == true => new ReactToPost.Command { PostId = postId, Reaction = act[6..] },
            _ when act?.StartsWith("unreact:", StringComparison.Ordinal) == true => new ReactToPost.Command { PostId = postId, Reaction = act[8..], On = false },
            _ => null,
        };
        if (command is null)
        {
            return BadRequest();
        }

        var done = await mediator.Send(command, cancellationToken);
        return Redirect(links.Thread(done.SpaceSlug, done.ThreadId).OnPage(postId, After, Before));
    }

    public async Task<IActionResult> OnPostEscalateAsync(CancellationToken cancellationToken)
    {
        var escalated = await mediator.Send(new Application.Escalation.EscalateThread.Command { ThreadId = Id }, cancellationToken);
        return Redirect(links.Thread(escalated.SpaceSlug, escalated.ThreadId).Path);
    }

    /// <summary>The reply as it will be posted, after "Preview"; null otherwise.</summary>
    public string? PreviewHtml { get; private set; }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        PreviewHtml = await Attachments.ComposerPreviews.PreviewAsync(mediator, Input.Body, Input.AttachmentIds, Files, ModelState, cancellationToken);
        await ReloadAsync(cancellationToken);
        return Page();
    }

    /// <summary>An idea's votes and status (only for a thread of an Ideas space: one more statement there).</summary>
    public Application.Ideas.GetIdea.IdeaPanel? Idea { get; private set; }

    public IReadOnlyList<Application.Asking.SimilarThread> Related { get; private set; } = [];

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        // Unread tracking: opened plainly, the thread starts where the member stopped reading (site.js scrolls to "#new").
        Thread = await mediator.Send(new GetThread.Query(Id, After, Before, ReplyTo ?? Input.InReplyToPostId, FromLastRead: After is null && Before is null && ReplyTo is null), cancellationToken);
        Links = links.Thread(Thread.SpaceSlug, Thread.Id);
        if (Input.SubmissionId == Guid.Empty)
        {
            // Shown again after another form on the page was refused: the reply form still needs its id.
            Input.SubmissionId = Guid.NewGuid();
        }

        // Related threads under the conversation: one statement (issue 15).
        Related = await mediator.Send(new Application.Asking.GetRelatedThreads.Query(Id, Thread.Title), cancellationToken);
        if (Thread.InIdeasSpace)
        {
            Idea = await mediator.Send(new Application.Ideas.GetIdea.Query(Id), cancellationToken);
        }

        if (Thread.Can.Moderate)
        {
            MoveTargets = [.. (await mediator.Send(new ListSpaces.Query(), cancellationToken)).Where(s => s.Slug != Thread.SpaceSlug)];
        }
    }
}
