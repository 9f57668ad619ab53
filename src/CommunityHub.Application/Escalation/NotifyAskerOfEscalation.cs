using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Events;
using CommunityHub.Application.Notifications;
using CommunityHub.Domain.Escalation;
using CommunityHub.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Escalation;

/// <summary>The asker learns that the company took their question up, and nothing of the case itself (its number
/// and address are the company's internals). The notifier's rules apply as to any news (their choices, the space).</summary>
public sealed class NotifyAskerOfEscalation(ICommunityDb db, Notifier notifier) : IDomainEventSubscriber<ThreadEscalated>
{
    public async Task Handle(ThreadEscalated domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        if (await notifier.NewsAboutAsync(domainEvent.ThreadId, null, domainEvent.EscalatedById, cancellationToken) is not { } news)
        {
            return;
        }

        var asker = await db.Threads.AsNoTracking().Where(t => t.Id == domainEvent.ThreadId).Select(t => t.AuthorId).FirstAsync(cancellationToken);
        await notifier.TellAsync(news, [new Notifier.Recipient(asker, NotificationKind.TakenUpBySupport)], null, cancellationToken);
    }
}
