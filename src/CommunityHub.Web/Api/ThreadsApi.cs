using CommunityHub.Application.Threads;
using CommunityHub.Domain.ApiTokens;
using MediatR;

namespace CommunityHub.Web.Api;

/// <summary>Threads: read one with a keyset page of its posts (bodies as the pages render them, blank where the member
/// may not read them), start one, reply. Writes go through the pages' own use cases, so posting rules, approval,
/// private spaces and staff notes hold exactly as on the pages.</summary>
public static class ThreadsApi
{
    public const string ThreadEndpoint = "api-thread";

    /// <param name="SubmissionId">Optional idempotency key: sending the same one again answers with the first post instead of a second.</param>
    public sealed record StartThreadRequest(string? Title, string? Body, IList<string>? Tags, Guid? SubmissionId);

    /// <param name="IsStaffNote">A note only the company's people and moderators read (the member must be staff-side).</param>
    public sealed record ReplyRequest(string? Body, long? InReplyToPostId, bool IsStaffNote, Guid? SubmissionId);

    public sealed record Created(long ThreadId, long? PostId, string SpaceSlug, string? Url);

    public sealed record PostItem(long Id, string AuthorHandle, string AuthorName, string AuthorBadge, string BodyHtml, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt,
        long? InReplyToPostId, bool IsOpeningPost, bool IsStaffNote, bool IsHidden, bool IsDeleted, bool AwaitingApproval, bool IsAcceptedAnswer, bool IsOfficialAnswer);

    public sealed record ThreadDetail(long Id, string Title, string SpaceSlug, string SpaceName, int ReplyCount, bool IsPinned, bool IsLocked, bool IsClosed,
        long? AcceptedAnswerPostId, IReadOnlyList<string> Tags, PostItem OpeningPost, IReadOnlyList<PostItem> Replies, string? Next);

    public static void MapThreads(this RouteGroupBuilder api)
    {
        api.MapGet("/spaces/{slug}/threads/{id:long}", async (string slug, long id, long? after, IMediator mediator, HttpContext http, LinkGenerator links) =>
        {
            var thread = await mediator.Send(new GetThread.Query(id, After: after), http.RequestAborted);
            if (!string.Equals(thread.SpaceSlug, slug, StringComparison.Ordinal))
            {
                return ApiProblems.Problem(StatusCodes.Status404NotFound, "Not found", "That thread is not in that space.");
            }

            var next = thread.NextAfter is { } cursor ? http.Link(links, ThreadEndpoint, new { slug, id, after = cursor }) : null;
            return ApiProblems.Read(new ThreadDetail(thread.Id, thread.Title, thread.SpaceSlug, thread.SpaceName, thread.ReplyCount, thread.IsPinned, thread.IsLocked, thread.IsClosed,
                thread.AcceptedAnswer?.PostId, thread.Tags, Post(thread.OpeningPost), thread.Replies.Select(Post).ToList(), next));
        }).RequireScope(ApiScopes.Read).WithName(ThreadEndpoint)
            .WithSummary("A thread with a page of its replies; follow `next` for the following page").Produces<ThreadDetail>();

        api.MapPost("/spaces/{slug}/threads", async (string slug, IMediator mediator, HttpContext http, LinkGenerator links) =>
        {
            var (body, problem) = await ApiProblems.ReadBodyAsync<StartThreadRequest>(http);
            if (body is null)
            {
                return problem!;
            }

            var started = await mediator.Send(new StartThread.Command
            {
                SpaceSlug = slug,
                Title = body.Title ?? string.Empty,
                Body = body.Body ?? string.Empty,
                Tags = body.Tags ?? [],
                SubmissionId = body.SubmissionId ?? Guid.NewGuid(),
            }, http.RequestAborted);
            var url = http.Link(links, ThreadEndpoint, new { slug = started.SpaceSlug, id = started.ThreadId });
            return Results.Created(url, new Created(started.ThreadId, null, started.SpaceSlug, url));
        }).RequireScope(ApiScopes.Write).WithMetadata(new ApiPostingMetadata()).WithSummary("Start a thread").Accepts<StartThreadRequest>("application/json").Produces<Created>(StatusCodes.Status201Created);

        api.MapPost("/spaces/{slug}/threads/{id:long}/replies", async (string slug, long id, IMediator mediator, HttpContext http, LinkGenerator links) =>
        {
            var (body, problem) = await ApiProblems.ReadBodyAsync<ReplyRequest>(http);
            if (body is null)
            {
                return problem!;
            }

            var posted = await mediator.Send(new ReplyToThread.Command
            {
                SpaceSlug = slug,
                ThreadId = id,
                Body = body.Body ?? string.Empty,
                InReplyToPostId = body.InReplyToPostId,
                IsStaffNote = body.IsStaffNote,
                SubmissionId = body.SubmissionId ?? Guid.NewGuid(),
            }, http.RequestAborted);
            var url = http.Link(links, ThreadEndpoint, new { slug = posted.SpaceSlug, id = posted.ThreadId });
            return Results.Created(url, new Created(posted.ThreadId, posted.PostId, posted.SpaceSlug, url));
        }).RequireScope(ApiScopes.Write).WithMetadata(new ApiPostingMetadata()).WithSummary("Reply to a thread").Accepts<ReplyRequest>("application/json").Produces<Created>(StatusCodes.Status201Created);
    }

    private static PostItem Post(GetThread.PostView p) =>
        new(p.Id, p.AuthorHandle, p.AuthorName, p.AuthorBadge.ToString().ToLowerInvariant(), p.BodyHtml, p.CreatedAt, p.EditedAt, p.InReplyToPostId, p.IsOpeningPost, p.IsStaffNote,
            p.IsHidden, p.IsDeleted, p.AwaitingApproval, p.IsAcceptedAnswer, p.IsOfficialAnswer);
}
