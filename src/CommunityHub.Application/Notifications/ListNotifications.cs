using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Notifications;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Notifications;

/// <summary>The signed-in member's notifications, newest first, keyset-paged.</summary>
public static class ListNotifications
{
    public const int PageSize = 30;

    [Authorize]
    public sealed record Query(long? Before = null) : IRequest<NotificationsPage>;

    public sealed record NotificationsPage(IReadOnlyList<Item> Items, int UnreadCount, long? NextBefore);

    public sealed record Item(
        long Id,
        NotificationKind Kind,
        string ActorName,
        long ThreadId,
        string ThreadTitle,
        string SpaceSlug,
        long? PostId,
        DateTimeOffset CreatedAt,
        bool IsRead)
    {
        /// <summary>Who acted's picture; null shows their initial.</summary>
        public Guid? ActorAvatarId { get; init; }
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser) : IRequestHandler<Query, NotificationsPage>
    {
        public async Task<NotificationsPage> Handle(Query request, CancellationToken cancellationToken)
        {
            var visible = db.VisibleTo(currentUser.Viewer()).AsNoTracking();
            var page = visible;
            if (request.Before is { } before)
            {
                page = page.Where(n => n.Id < before);
            }

            var items = await (
                    from n in page
                    join t in db.Threads on n.ThreadId equals t.Id
                    join s in db.Spaces on t.SpaceId equals s.Id
                    join a in db.Members on n.ActorId equals a.Id into actors
                    from a in actors.DefaultIfEmpty()
                    orderby n.Id descending
                    select new Item(n.Id, n.Kind, a == null ? "Someone" : a.DisplayName, t.Id, t.Title, s.Slug, n.PostId, n.CreatedAt, n.ReadAt != null)
                    {
                        ActorAvatarId = a == null || a.IsBanned ? null : a.AvatarId,
                    })
                .Take(PageSize + 1)
                .ToListAsync(cancellationToken);
            long? next = null;
            if (items.Count > PageSize)
            {
                items.RemoveAt(PageSize);
                next = items[^1].Id;
            }

            var unread = await visible.CountAsync(n => n.ReadAt == null, cancellationToken);
            return new NotificationsPage(items, unread, next);
        }
    }
}
