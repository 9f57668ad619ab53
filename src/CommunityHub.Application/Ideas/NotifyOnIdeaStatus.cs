using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Events;
using CommunityHub.Application.Notifications;
using CommunityHub.Domain.Ideas;
using CommunityHub.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Ideas;

/// <summary>Every status change of an idea is news for its voters, its author and those watching the thread.</summary>
public sealed class NotifyOnIdeaStatus(ICommunityDb db, Notifier notifier) : IDomainEventSubscriber<IdeaStatusChanged>
{
    public async Task Handle(IdeaStatusChanged domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        if (await notifier.NewsAboutAsync(domainEvent.ThreadId, null, domainEvent.ChangedById, cancellationToken) is not { } news)
        {
            return;
        }

        var voters = await db.IdeaVotes.AsNoTracking().Where(v => v.ThreadId == domainEvent.ThreadId && v.WithdrawnAt == null).Select(v => v.MemberId).ToListAsync(cancellationToken);
        var recipients = voters.Append(domainEvent.AuthorId).Distinct()
            .Select(id => new Notifier.Recipient(id, NotificationKind.IdeaStatusChanged))
            .ToList();
        await notifier.TellAsync(news, recipients, new Watchers(NotificationKind.IdeaStatusChanged, OfTheThread: true), cancellationToken);
    }
}
