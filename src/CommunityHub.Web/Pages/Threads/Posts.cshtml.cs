using CommunityHub.Application.Threads;
using CommunityHub.Web.Links;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Threads;

/// <summary>A thread's replies after a post, as the thread page's own list items: what a live thread page appends
/// (live.js). The same query as the page (<see cref="GetThread"/>, so the same rules of who meets which post: a staff
/// note, a post awaiting approval, a private space) and the same partial; nothing here decides what a reader sees.</summary>
public sealed class PostsModel(IMediator mediator, CommunityLinks links) : PageModel
{
    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    [FromRoute]
    public long Id { get; set; }

    [FromQuery]
    public long? After { get; set; }

    public GetThread.ThreadPage Thread { get; private set; } = null!;

    public ThreadLinks Links { get; private set; } = null!;

    /// <summary>The newest post in this fragment, where the next one starts (the asked-for post when there is none).</summary>
    public long Newest { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (After is not { } after || after < 0)
        {
            return new ContentResult { StatusCode = StatusCodes.Status400BadRequest, ContentType = "text/plain; charset=utf-8", Content = "Say which post the page shows last: ?after=<post id>." };
        }

        Thread = await mediator.Send(new GetThread.Query(Id, After: after), cancellationToken);
        Links = links.Thread(Thread.SpaceSlug, Thread.Id);
        if (Thread.SpaceSlug != Slug)
        {
            // Moved meanwhile: the same fragment, from where the thread is now.
            return RedirectToPagePermanent("/Threads/Posts", new { slug = Thread.SpaceSlug, id = Thread.Id, after });
        }

        Newest = Thread.Replies.Count > 0 ? Thread.Replies[^1].Id : after;
        // A reader's own copy: never kept by a browser or proxy, like the signed-in pages.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
