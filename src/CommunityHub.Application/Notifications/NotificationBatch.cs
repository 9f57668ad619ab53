using CommunityHub.Application.Common.Persistence;
using CommunityHub.Domain.Notifications;

namespace CommunityHub.Application.Notifications;

/// <summary>The in-app notifications a use case told, written by the unit of work right after its save, all in one
/// statement (<see cref="INotificationStore"/>): a reply to a busy thread tells every watcher.</summary>
public sealed class NotificationBatch(INotificationStore store) : IUnitOfWorkParticipant
{
    private readonly List<Notification> _gathered = [];

    /// <summary>Right after the save (the posts they name are written by then), before the counters and the tie store:
    /// where the rows were written when they were tracked, so every writer still takes its row locks in one order.</summary>
    public int Order => -1;

    public void Add(Notification notification) => _gathered.Add(notification);

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        List<Notification> gathered = [.. _gathered];
        _gathered.Clear();
        await store.AddAsync(gathered, cancellationToken);
    }

    public void Reset() => _gathered.Clear();
}
