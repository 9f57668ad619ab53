using CommunityHub.Application.Search;
using CommunityHub.Web.Http;
using CommunityHub.Web.Links;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CommunityHub.Web.Pages.Search;

[OutputCache(PolicyName = VisitorPageCache.ListPage)]
public sealed class IndexModel(IMediator mediator, CommunityLinks links) : PageModel
{
    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    [FromQuery(Name = "space")]
    public string? Space { get; set; }

    [FromQuery(Name = "author")]
    public string? Author { get; set; }

    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    [FromQuery(Name = "from")]
    public string? From { get; set; }

    [FromQuery(Name = "to")]
    public string? To { get; set; }

    [FromQuery(Name = "tag")]
    public string? Tag { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public SearchPosts.ResultPage Results { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Results = await mediator.Send(new SearchPosts.Query(Q, Space, Author, PageNumber, Status, From, To, Tag), cancellationToken);

    /// <summary>This search with another page number, for the pager.</summary>
    public string PageLink(int page) => links.Search(Results.Q, Results.Space, Results.Author, page, Results.Status, Results.From, Results.To, Results.Tag);
}
