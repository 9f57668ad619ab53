using CommunityHub.Application.Common.Events;
using CommunityHub.Domain.Moderation;
using CommunityHub.Domain.Notifications;

namespace CommunityHub.Application.Notifications;

/// <summary>A moderator hiding, restoring or editing someone's post is news for its author; locking, closing or
/// moving a thread is news for the member who started it.</summary>
public sealed class NotifyOnModeration(Notifier notifier) : IDomainEventSubscriber<PostModerated>, IDomainEventSubscriber<ThreadModerated>
{
    public async Task Handle(PostModerated domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        if (await notifier.NewsAboutAsync(domainEvent.ThreadId, domainEvent.PostId, domainEvent.ModeratorId, cancellationToken) is { } news)
        {
            await notifier.TellAsync(news, [new Notifier.Recipient(domainEvent.AuthorId, NotificationKind.ModeratorAction)], watchers: null, cancellationToken);
        }
    }

    public async Task Handle(ThreadModerated domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        if (await notifier.NewsAboutAsync(domainEvent.ThreadId, null, domainEvent.ModeratorId, cancellationToken) is { } news)
        {
            await notifier.TellAsync(news, [new Notifier.Recipient(domainEvent.StarterId, NotificationKind.ModeratorAction)], watchers: null, cancellationToken);
        }
    }
}
