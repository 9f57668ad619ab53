using CommunityHub.Application.Reciprocity;
using CommunityHub.Domain.ApiTokens;
using MediatR;

namespace CommunityHub.Web.Api;

/// <summary>Reciprocity: "this helped me" on a post, and accepting an answer on one's own thread (the use cases decide who may).</summary>
public static class ReciprocityApi
{
    public sealed record HelpedRequest(bool Helped = true);

    public sealed record AcceptRequest(long? PostId);

    public sealed record Acknowledged(long ThreadId, string SpaceSlug, long PostId);

    public static void MapReciprocity(this RouteGroupBuilder api)
    {
        api.MapPost("/posts/{postId:long}/helped", async (long postId, IMediator mediator, HttpContext http) =>
        {
            // An empty body means "helped"; {"helped": false} takes it back.
            var helped = true;
            if (http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0)
            {
                var (body, problem) = await ApiProblems.ReadBodyAsync<HelpedRequest>(http);
                if (body is null)
                {
                    return problem!;
                }

                helped = body.Helped;
            }

            var result = await mediator.Send(new MarkHelped.Command { PostId = postId, Helped = helped }, http.RequestAborted);
            return Results.Ok(new Acknowledged(result.ThreadId, result.SpaceSlug, result.PostId));
        }).RequireScope(ApiScopes.Write).WithSummary("Mark a post as having helped you (or take it back)").Accepts<HelpedRequest>("application/json").Produces<Acknowledged>();

        api.MapPost("/threads/{threadId:long}/accepted-answer", async (long threadId, IMediator mediator, HttpContext http) =>
        {
            var (body, problem) = await ApiProblems.ReadBodyAsync<AcceptRequest>(http);
            if (body is null)
            {
                return problem!;
            }

            var result = await mediator.Send(new AcceptAnswer.Command { ThreadId = threadId, PostId = body.PostId }, http.RequestAborted);
            return Results.Ok(new Acknowledged(result.ThreadId, result.SpaceSlug, result.PostId));
        }).RequireScope(ApiScopes.Write).WithSummary("Accept a reply as the answer on your thread (postId null clears it)").Accepts<AcceptRequest>("application/json").Produces<Acknowledged>();
    }
}
