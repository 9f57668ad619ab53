using CommunityHub.Application.Lists;
using CommunityHub.Application.Spaces;
using CommunityHub.Domain.ApiTokens;
using MediatR;

namespace CommunityHub.Web.Api;

/// <summary><c>/api/v1/spaces</c>: the spaces the token's member may see, one space, and its threads with the pages'
/// filters and orders, a keyset page at a time (<c>next</c> links to the following page).</summary>
public static class SpacesApi
{
    public const string SpaceEndpoint = "api-space";
    public const string ThreadsEndpoint = "api-space-threads";

    public sealed record SpaceItem(string Slug, string Name, string Purpose, int ThreadCount, DateTimeOffset? LastActivityAt, IReadOnlyList<string> PrivateTo, string? Url);

    public sealed record SpaceDetail(string Slug, string Name, string Purpose, int ThreadCount, bool IsIdeas, IReadOnlyList<string> PrivateTo, string? ThreadsUrl);

    public sealed record ThreadItem(long Id, string Title, string SpaceSlug, string AuthorName, DateTimeOffset CreatedAt, int ReplyCount, DateTimeOffset LastActivityAt,
        bool IsPinned, bool IsSolved, bool IsLocked, bool IsClosed, bool HasOfficialAnswer, IReadOnlyList<string> Tags, string? Url);

    public sealed record ThreadList(IReadOnlyList<ThreadItem> Threads, string? Next);

    public static void MapSpaces(this RouteGroupBuilder api)
    {
        api.MapGet("/spaces", async (IMediator mediator, HttpContext http, LinkGenerator links) =>
        {
            var spaces = await mediator.Send(new ListSpaces.Query(), http.RequestAborted);
            return ApiProblems.Read(spaces.Select(s => new SpaceItem(s.Slug, s.Name, s.Purpose, s.ThreadCount, s.LastActivityAt, s.PrivateTo ?? [],
                http.Link(links, SpaceEndpoint, new { slug = s.Slug }))).ToList());
        }).RequireScope(ApiScopes.Read).WithSummary("The spaces the token's member may see").Produces<List<SpaceItem>>();

        api.MapGet("/spaces/{slug}", async (string slug, IMediator mediator, HttpContext http, LinkGenerator links) =>
        {
            var space = await mediator.Send(new GetSpace.Query(slug), http.RequestAborted);
            return ApiProblems.Read(new SpaceDetail(space.Slug, space.Name, space.Purpose, space.ThreadCount, space.IsIdeas, space.PrivateTo,
                http.Link(links, ThreadsEndpoint, new { slug = space.Slug })));
        }).RequireScope(ApiScopes.Read).WithName(SpaceEndpoint).WithSummary("One space").Produces<SpaceDetail>();

        api.MapGet("/spaces/{slug}/threads", async (string slug, string? show, string? sort, string? period, string? after, IMediator mediator, HttpContext http, LinkGenerator links) =>
        {
            var choice = ThreadListChoice.Parse(show, sort, period);
            var space = await mediator.Send(new GetSpace.Query(slug, after, Choice: choice), http.RequestAborted);
            var next = space.NextCursor is { } cursor
                ? http.Link(links, ThreadsEndpoint, new { slug = space.Slug, show = choice.ShowName, sort = choice.SortName, period = choice.PeriodName, after = cursor })
                : null;
            return ApiProblems.Read(new ThreadList(space.Threads.Select(t => Item(t, http, links)).ToList(), next));
        }).RequireScope(ApiScopes.Read).WithName(ThreadsEndpoint)
            .WithSummary("A space's threads: show=all|unanswered|unsolved|solved|company|mine, sort=activity|new|top, period for top; follow `next` for the following page")
            .Produces<ThreadList>();
    }

    public static ThreadItem Item(ThreadRow t, HttpContext http, LinkGenerator links) =>
        new(t.Id, t.Title, t.SpaceSlug, t.AuthorName, t.CreatedAt, t.ReplyCount, t.LastActivityAt, t.IsPinned, t.IsSolved, t.IsLocked, t.IsClosed, t.HasOfficialAnswer, t.Tags,
            http.Link(links, ThreadsApi.ThreadEndpoint, new { slug = t.SpaceSlug, id = t.Id }));
}
