using CommunityHub.Application.Common.Events;
using CommunityHub.Domain.Notifications;
using CommunityHub.Domain.Threads;

namespace CommunityHub.Application.Notifications;

/// <summary>Who hears of a new thread or reply, decided once per post: a new thread tells the space's watchers, the
/// watchers of its tags and
/// whoever it @mentions; a reply tells the thread's starter, the author of the post it answers, the thread's
/// watchers and whoever it @mentions (a member, or the members of a group the author may @mention) — each once, in the most personal kind. A staff note tells only the staff
/// side (the notifier's visibility rule).</summary>
public sealed class NotifyOnConversation(Notifier notifier) : IDomainEventSubscriber<ThreadStarted>, IDomainEventSubscriber<ReplyPosted>
{
    public Task Handle(ThreadStarted domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var (thread, opening, place) = (domainEvent.Thread, domainEvent.OpeningPost, domainEvent.Place);
        return notifier.TellAsync(
            new News(thread.Id, thread.Title, place.SpaceSlug, place.SpaceName, opening.AuthorId, place.AuthorName, new NewsPost(opening.Id, opening, opening.Body)),
            [.. opening.Mentions.Select(m => new Notifier.Recipient(m.MemberId, NotificationKind.Mention))],
            new Watchers(NotificationKind.ThreadInWatchedSpace, OfSpaceId: thread.SpaceId, OfTagIds: [.. thread.Tags.Select(t => t.TagId)]),
            opening.MentionedGroupIds,
            cancellationToken);
    }

    public Task Handle(ReplyPosted domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var (thread, reply, place) = (domainEvent.Thread, domainEvent.Reply, domainEvent.Place);
        List<Notifier.Recipient> recipients =
        [
            new(thread.AuthorId, NotificationKind.ReplyToYourThread),
            .. reply.Mentions.Select(m => new Notifier.Recipient(m.MemberId, NotificationKind.Mention)),
        ];
        if (domainEvent.Placement.ParentAuthorId is { } parentAuthor)
        {
            recipients.Add(new Notifier.Recipient(parentAuthor, NotificationKind.ReplyToYourPost));
        }

        return notifier.TellAsync(
            new News(thread.Id, thread.Title, place.SpaceSlug, place.SpaceName, reply.AuthorId, place.AuthorName, new NewsPost(reply.Id, reply, reply.Body)),
            recipients,
            new Watchers(NotificationKind.ReplyInWatchedThread, OfTheThread: true),
            reply.MentionedGroupIds,
            cancellationToken);
    }
}
