using CommunityHub.Application.Notifications;
using CommunityHub.Domain.ApiTokens;
using MediatR;

namespace CommunityHub.Web.Api;

/// <summary>The token's member's own notifications, newest first, a keyset page at a time.</summary>
public static class NotificationsApi
{
    public const string Endpoint = "api-notifications";

    public sealed record NotificationItem(long Id, string Kind, string ActorName, long ThreadId, string ThreadTitle, string SpaceSlug, long? PostId, DateTimeOffset CreatedAt, bool IsRead);

    public sealed record NotificationList(IReadOnlyList<NotificationItem> Items, int UnreadCount, string? Next);

    public static void MapNotifications(this RouteGroupBuilder api) =>
        api.MapGet("/notifications", async (long? before, IMediator mediator, HttpContext http, LinkGenerator links) =>
        {
            var page = await mediator.Send(new ListNotifications.Query(before), http.RequestAborted);
            return ApiProblems.Read(new NotificationList(
                page.Items.Select(n => new NotificationItem(n.Id, n.Kind.ToString(), n.ActorName, n.ThreadId, n.ThreadTitle, n.SpaceSlug, n.PostId, n.CreatedAt, n.IsRead)).ToList(),
                page.UnreadCount,
                page.NextBefore is { } cursor ? http.Link(links, Endpoint, new { before = cursor }) : null));
        }).RequireScope(ApiScopes.Read).WithName(Endpoint).WithSummary("Your notifications; follow `next` for older ones").Produces<NotificationList>();
}
