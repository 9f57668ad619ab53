using CommunityHub.Application.Notifications;
using CommunityHub.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CommunityHub.Infrastructure.Persistence;

/// <summary>Every notification of a use case in one <c>INSERT … SELECT FROM unnest(…)</c>.</summary>
public sealed class NotificationStore(CommunityDbContext db) : INotificationStore
{
    public Task AddAsync(IReadOnlyCollection<Notification> notifications, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        return notifications.Count == 0 ? Task.CompletedTask : db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO notifications (recipient_id, kind, actor_id, thread_id, post_id, created_at)
            SELECT * FROM unnest(@recipients, @kinds, @actors, @threads, @posts, @created)
            """,
            [
                new NpgsqlParameter<Guid[]>("recipients", [.. notifications.Select(n => n.RecipientId)]),
                new NpgsqlParameter<string[]>("kinds", [.. notifications.Select(n => n.Kind.ToString())]),
                new NpgsqlParameter("actors", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = notifications.Select(n => n.ActorId).ToArray() },
                new NpgsqlParameter<long[]>("threads", [.. notifications.Select(n => n.ThreadId)]),
                new NpgsqlParameter("posts", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = notifications.Select(n => n.PostId).ToArray() },
                new NpgsqlParameter<DateTimeOffset[]>("created", [.. notifications.Select(n => n.CreatedAt.ToUniversalTime())]),
            ],
            cancellationToken);
    }
}
