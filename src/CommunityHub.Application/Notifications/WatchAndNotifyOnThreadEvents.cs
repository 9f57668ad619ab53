using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Threads;
using CommunityHub.Domain.Notifications;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Notifications;

/// <summary>Starting or replying to a thread watches it (and starting one marks it read to its opening post); a new thread tells the space's watchers, a reply tells the
/// thread's author, the author of the post it answers and the thread's watchers. Runs inside the post's
/// transaction (see Threads/ThreadEvents.cs), so a post and its notifications are committed together.</summary>
public sealed class WatchAndNotifyOnThreadEvents(ICommunityDb db, Notifier notifier, TimeProvider clock)
    : INotificationHandler<ThreadStarted>, INotificationHandler<ReplyPosted>
{
    public async Task Handle(ThreadStarted notification, CancellationToken cancellationToken)
    {
        await WatchAsync(notification.AuthorId, notification.ThreadId, cancellationToken);
        // The author has read their own opening post: later replies are unread for them.
        db.ThreadReadMarks.Add(ThreadReadMark.Create(notification.AuthorId, notification.ThreadId, notification.OpeningPostId, clock.GetUtcNow()));
        var watchers = await db.SpaceWatches
            .Where(w => w.SpaceId == notification.SpaceId)
            .Select(w => w.MemberId)
            .ToListAsync(cancellationToken);
        await notifier.NotifyManyAsync(
            watchers.Select(id => new Notifier.Recipient(id, NotificationKind.ThreadInWatchedSpace)),
            notification.AuthorId,
            notification.ThreadId,
            notification.OpeningPostId,
            cancellationToken);
    }

    public async Task Handle(ReplyPosted notification, CancellationToken cancellationToken)
    {
        await WatchAsync(notification.AuthorId, notification.ThreadId, cancellationToken);
        var involved = await db.Threads
            .Where(t => t.Id == notification.ThreadId)
            .Select(t => new
            {
                ThreadAuthor = t.AuthorId,
                ParentAuthor = db.Posts.Where(p => p.Id == notification.InReplyToPostId).Select(p => (Guid?)p.AuthorId).FirstOrDefault(),
                Watchers = db.ThreadWatches.Where(w => w.ThreadId == t.Id && w.Level == WatchLevel.Watching).Select(w => w.MemberId).ToList(),
            })
            .FirstAsync(cancellationToken);

        var recipients = involved.Watchers.Select(id => new Notifier.Recipient(id, NotificationKind.ReplyInWatchedThread)).ToList();
        recipients.Add(new Notifier.Recipient(involved.ThreadAuthor, NotificationKind.ReplyToYourThread));
        if (involved.ParentAuthor is { } parentAuthor)
        {
            recipients.Add(new Notifier.Recipient(parentAuthor, NotificationKind.ReplyToYourPost));
        }

        // The notifier drops the replier, members who muted the thread, and (for a staff note) everyone who may not read it.
        await notifier.NotifyManyAsync(recipients, notification.AuthorId, notification.ThreadId, notification.PostId, cancellationToken);
    }

    /// <summary>Taking part watches a thread, unless the member muted it or already watches.</summary>
    private async Task WatchAsync(Guid memberId, long threadId, CancellationToken cancellationToken)
    {
        if (!await db.ThreadWatches.AnyAsync(w => w.MemberId == memberId && w.ThreadId == threadId, cancellationToken))
        {
            db.ThreadWatches.Add(ThreadWatch.Create(memberId, threadId, WatchLevel.Watching, clock.GetUtcNow()));
        }
    }
}
