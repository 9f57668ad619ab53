using CommunityHub.Application.Moderation;
using CommunityHub.Domain.ApiTokens;
using MediatR;

namespace CommunityHub.Web.Api;

/// <summary>Moderation for a token with the moderate scope (its member a moderator): hide and restore a post; pin, lock,
/// close a thread and undo each. Every action lands in the audit log as on the pages.</summary>
public static class ModerationApi
{
    public sealed record HideRequest(string? Reason);

    public sealed record ThreadChangeRequest(ModerateThread.Change Change, string? Reason);

    public sealed record Moderated(long ThreadId, string SpaceSlug, long? PostId);

    public static void MapModeration(this RouteGroupBuilder api)
    {
        api.MapPost("/posts/{postId:long}/hide", async (long postId, IMediator mediator, HttpContext http) =>
        {
            var (body, problem) = await ApiProblems.ReadBodyAsync<HideRequest>(http);
            if (body is null)
            {
                return problem!;
            }

            var result = await mediator.Send(new HidePost.Command { PostId = postId, Reason = body.Reason ?? string.Empty }, http.RequestAborted);
            return Results.Ok(new Moderated(result.ThreadId, result.SpaceSlug, result.PostId));
        }).RequireScope(ApiScopes.Moderate).WithSummary("Hide a post, with a reason").Accepts<HideRequest>("application/json").Produces<Moderated>();

        api.MapPost("/posts/{postId:long}/restore", async (long postId, IMediator mediator, HttpContext http) =>
        {
            var result = await mediator.Send(new RestorePost.Command(postId), http.RequestAborted);
            return Results.Ok(new Moderated(result.ThreadId, result.SpaceSlug, result.PostId));
        }).RequireScope(ApiScopes.Moderate).WithSummary("Restore a hidden post").Produces<Moderated>();

        api.MapPost("/threads/{threadId:long}/moderation", async (long threadId, IMediator mediator, HttpContext http) =>
        {
            var (body, problem) = await ApiProblems.ReadBodyAsync<ThreadChangeRequest>(http);
            if (body is null)
            {
                return problem!;
            }

            var result = await mediator.Send(new ModerateThread.Command { ThreadId = threadId, Change = body.Change, Reason = body.Reason }, http.RequestAborted);
            return Results.Ok(new Moderated(result.ThreadId, result.SpaceSlug, null));
        }).RequireScope(ApiScopes.Moderate).WithSummary("Pin, unpin, lock, unlock, close or reopen a thread").Accepts<ThreadChangeRequest>("application/json").Produces<Moderated>();
    }
}
