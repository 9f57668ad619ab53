using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Events;
using CommunityHub.Domain.Notifications;
using CommunityHub.Domain.Threads;

namespace CommunityHub.Application.Notifications;

/// <summary>Taking part watches a thread, unless the member already chose (watching or muted); starting one also
/// marks it read up to its opening post, so later replies are unread for its author.</summary>
public sealed class WatchOnTakingPart(ICommunityDb db) : IDomainEventSubscriber<ThreadStarted>, IDomainEventSubscriber<ReplyPosted>
{
    public Task Handle(ThreadStarted domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var opening = domainEvent.OpeningPost;
        db.ThreadWatches.Add(ThreadWatch.Create(opening.AuthorId, opening.ThreadId, WatchLevel.Watching, domainEvent.At));
        db.ThreadReadMarks.Add(ThreadReadMark.Create(opening.AuthorId, opening.ThreadId, opening.Id, domainEvent.At));
        return Task.CompletedTask;
    }

    public Task Handle(ReplyPosted domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        if (!domainEvent.SoFar.AuthorChoseHowToFollow)
        {
            db.ThreadWatches.Add(ThreadWatch.Create(domainEvent.AuthorId, domainEvent.ThreadId, WatchLevel.Watching, domainEvent.At));
        }

        return Task.CompletedTask;
    }
}
