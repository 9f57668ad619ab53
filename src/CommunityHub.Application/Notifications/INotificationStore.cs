using CommunityHub.Domain.Notifications;

namespace CommunityHub.Application.Notifications;

/// <summary>Writes in-app notifications; PostgreSQL-specific, so it lives in Infrastructure.</summary>
public interface INotificationStore
{
    /// <summary>Inserts the rows in one statement, untracked: a reply in a busy thread tells every watcher, and as
    /// tracked entities that was one <c>INSERT … RETURNING</c> and one change-tracked entity per member, under the
    /// thread's lock. Nothing reads their ids back.</summary>
    Task AddAsync(IReadOnlyCollection<Notification> notifications, CancellationToken cancellationToken);
}
