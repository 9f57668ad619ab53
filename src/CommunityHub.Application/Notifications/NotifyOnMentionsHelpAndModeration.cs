using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Moderation;
using CommunityHub.Application.Reciprocity;
using CommunityHub.Application.Threads;
using CommunityHub.Domain.Notifications;
using CommunityHub.Domain.Reciprocity;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Notifications;

/// <summary>The notifications that other features' events cause, in those events' transactions: an @mention,
/// a reply marked "this helped me" or accepted as the answer, and a moderator's action on one's post or thread.
/// The notifier applies every rule (preferences, visibility, never one's own action, once per event).</summary>
public sealed class NotifyOnMentionsHelpAndModeration(Notifier notifier, ICommunityDb db)
    : INotificationHandler<ThreadStarted>,
      INotificationHandler<ReplyPosted>,
      INotificationHandler<Acknowledged>,
      INotificationHandler<PostModerated>,
      INotificationHandler<ThreadModerated>
{
    public Task Handle(ThreadStarted notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return MentionsAsync(notification.MentionedMemberIds, notification.AuthorId, notification.ThreadId, notification.OpeningPostId, cancellationToken);
    }

    public Task Handle(ReplyPosted notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        // In a staff note, the notifier's visibility rule keeps members from hearing of it.
        return MentionsAsync(notification.MentionedMemberIds, notification.AuthorId, notification.ThreadId, notification.PostId, cancellationToken);
    }

    public Task Handle(Acknowledged notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return notification.Kind switch
        {
            ReciprocityKind.Helped => notifier.NotifyAsync(notification.ToMemberId, NotificationKind.HelpedMe, notification.FromMemberId, notification.ThreadId, notification.PostId, cancellationToken),
            ReciprocityKind.AcceptedAnswer => notifier.NotifyAsync(notification.ToMemberId, NotificationKind.AnswerAccepted, notification.RecordedById, notification.ThreadId, notification.PostId, cancellationToken),
            _ => Task.CompletedTask, // thanks and reactions are seen on the post, not announced
        };
    }

    public Task Handle(PostModerated notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return notifier.NotifyAsync(notification.AuthorId, NotificationKind.ModeratorAction, notification.ModeratorId, notification.ThreadId, notification.PostId, cancellationToken);
    }

    /// <summary>Locking, closing or moving a thread is news for the member who started it.</summary>
    public async Task Handle(ThreadModerated notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var starter = await db.Threads.Where(t => t.Id == notification.ThreadId).Select(t => (Guid?)t.AuthorId).FirstOrDefaultAsync(cancellationToken);
        if (starter is { } author)
        {
            await notifier.NotifyAsync(author, NotificationKind.ModeratorAction, notification.ModeratorId, notification.ThreadId, null, cancellationToken);
        }
    }

    private Task MentionsAsync(IReadOnlyList<Guid> mentioned, Guid author, long threadId, long postId, CancellationToken cancellationToken) =>
        mentioned.Count == 0
            ? Task.CompletedTask
            : notifier.NotifyManyAsync(mentioned.Select(m => new Notifier.Recipient(m, NotificationKind.Mention)), author, threadId, postId, cancellationToken);
}
