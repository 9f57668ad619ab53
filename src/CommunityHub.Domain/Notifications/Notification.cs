using CommunityHub.Domain.Common;

namespace CommunityHub.Domain.Notifications;

/// <summary>Something a member is told about in the app: who did what, where. The words are made when it is shown,
/// so a renamed thread or member reads right.</summary>
public sealed class Notification
{
    private Notification(Guid recipientId, NotificationKind kind, Guid? actorId, long threadId, long? postId, DateTimeOffset createdAt)
    {
        RecipientId = recipientId;
        Kind = kind;
        ActorId = actorId;
        ThreadId = threadId;
        PostId = postId;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public Guid RecipientId { get; private set; }

    public NotificationKind Kind { get; private set; }

    /// <summary>Who caused it; null for the system.</summary>
    public Guid? ActorId { get; private set; }

    public long ThreadId { get; private set; }

    public long? PostId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public static Notification Create(Guid recipientId, NotificationKind kind, Guid? actorId, long threadId, long? postId, DateTimeOffset now)
    {
        if (recipientId == Guid.Empty)
        {
            throw new DomainException("A notification needs a recipient.");
        }

        if (actorId == recipientId)
        {
            throw new DomainException("Nobody is notified of their own action.");
        }

        return new Notification(recipientId, kind, actorId, threadId, postId, now);
    }

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;

    /// <summary>The same event turned out to concern the recipient more personally (a reply in a thread they watch
    /// also mentions them): the notification becomes the more personal kind, unread again. Never the other way.</summary>
    /// <returns>Whether it changed.</returns>
    public bool Retell(NotificationKind kind)
    {
        if (NotificationDefaults.Precedence(kind) >= NotificationDefaults.Precedence(Kind))
        {
            return false;
        }

        Kind = kind;
        ReadAt = null;
        return true;
    }
}
