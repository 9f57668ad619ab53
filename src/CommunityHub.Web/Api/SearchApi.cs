using CommunityHub.Application.Search;
using CommunityHub.Domain.ApiTokens;
using MediatR;

namespace CommunityHub.Web.Api;

/// <summary>Full-text search over what the token's member may read, with the search page's filters.</summary>
public static class SearchApi
{
    public const string Endpoint = "api-search";

    public sealed record Hit(long ThreadId, string ThreadTitle, string SpaceSlug, bool IsSolved, int MatchCount, IReadOnlyList<PostHit> Posts);

    public sealed record PostHit(long PostId, string AuthorName, DateTimeOffset CreatedAt, bool IsOpeningPost, string SnippetHtml);

    public sealed record SearchResults(string? Q, int Page, IReadOnlyList<Hit> Results, string? Next);

    public static void MapSearch(this RouteGroupBuilder api) =>
        api.MapGet("/search", async (string? q, string? space, string? author, string? status, string? from, string? to, string? tag, int? page, IMediator mediator, HttpContext http, LinkGenerator links) =>
        {
            var found = await mediator.Send(new SearchPosts.Query(q, space, author, page ?? 1, status, from, to, tag), http.RequestAborted);
            var next = found.HasNext ? http.Link(links, Endpoint, new { q, space, author, status, from, to, tag, page = found.Page + 1 }) : null;
            return ApiProblems.Read(new SearchResults(found.Q, found.Page,
                found.Results.Select(r => new Hit(r.ThreadId, r.ThreadTitle, r.SpaceSlug, r.IsSolved, r.MatchCount,
                    r.Posts.Select(p => new PostHit(p.PostId, p.AuthorName, p.CreatedAt, p.IsOpeningPost, p.SnippetHtml)).ToList())).ToList(),
                next));
        }).RequireScope(ApiScopes.Read).WithName(Endpoint).WithSummary("Search posts: q, space, author, status, from, to, tag, page").Produces<SearchResults>();
}
