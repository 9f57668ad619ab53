using CommunityHub.Application.Common.Events;
using CommunityHub.Domain.Notifications;
using CommunityHub.Domain.Reciprocity;

namespace CommunityHub.Application.Notifications;

/// <summary>"This helped me" and an accepted answer tell the post's author; thanks and reactions are seen on the
/// post, not announced.</summary>
public sealed class NotifyOnHelp(Notifier notifier) : IDomainEventSubscriber<ReciprocityGiven>
{
    public async Task Handle(ReciprocityGiven domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var record = domainEvent.Record;
        var (kind, actor) = record.Kind switch
        {
            ReciprocityKind.Helped => (NotificationKind.HelpedMe, record.FromMemberId),
            ReciprocityKind.AcceptedAnswer => (NotificationKind.AnswerAccepted, record.RecordedById),
            _ => ((NotificationKind?)null, Guid.Empty),
        };
        if (kind is null || await notifier.NewsAboutAsync(record.ThreadId, record.PostId, actor, cancellationToken) is not { } news)
        {
            return;
        }

        await notifier.TellAsync(news, [new Notifier.Recipient(record.ToMemberId, kind.Value)], watchers: null, cancellationToken);
    }
}
