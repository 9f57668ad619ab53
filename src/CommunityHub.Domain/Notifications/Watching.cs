namespace CommunityHub.Domain.Notifications;

/// <summary>A member's stance on one thread: watching (told of every reply) or muted (told of nothing in it).
/// No row means "normal": told only of what concerns them personally.</summary>
public enum WatchLevel
{
    Watching,
    Muted,
}

public sealed class ThreadWatch
{
    private ThreadWatch(Guid memberId, long threadId, WatchLevel level, DateTimeOffset since)
    {
        MemberId = memberId;
        ThreadId = threadId;
        Level = level;
        Since = since;
    }

    public Guid MemberId { get; private set; }

    public long ThreadId { get; private set; }

    public WatchLevel Level { get; private set; }

    public DateTimeOffset Since { get; private set; }

    public static ThreadWatch Create(Guid memberId, long threadId, WatchLevel level, DateTimeOffset now) => new(memberId, threadId, level, now);

    public void Change(WatchLevel level, DateTimeOffset now)
    {
        if (Level != level)
        {
            Level = level;
            Since = now;
        }
    }
}

/// <summary>A member watches a whole space: told of every new thread in it, and its best in their digest.</summary>
public sealed class SpaceWatch
{
    private SpaceWatch(Guid memberId, int spaceId, DateTimeOffset since)
    {
        MemberId = memberId;
        SpaceId = spaceId;
        Since = since;
    }

    public Guid MemberId { get; private set; }

    public int SpaceId { get; private set; }

    public DateTimeOffset Since { get; private set; }

    public static SpaceWatch Create(Guid memberId, int spaceId, DateTimeOffset now) => new(memberId, spaceId, now);
}

/// <summary>A member's choice for one kind of notification; no row means <see cref="NotificationDefaults.ChannelFor"/>.</summary>
public sealed class NotificationPreference
{
    private NotificationPreference(Guid memberId, NotificationKind kind, NotificationChannel channel)
    {
        MemberId = memberId;
        Kind = kind;
        Channel = channel;
    }

    public Guid MemberId { get; private set; }

    public NotificationKind Kind { get; private set; }

    public NotificationChannel Channel { get; set; }

    public static NotificationPreference Create(Guid memberId, NotificationKind kind, NotificationChannel channel) => new(memberId, kind, channel);
}

/// <summary>Whether a member gets the daily digest, and when the last one was made (so several app
/// instances never send it twice: whoever moves <see cref="LastDigestAt"/> first sends it).</summary>
public sealed class DigestSubscription
{
    private DigestSubscription(Guid memberId, DateTimeOffset since)
    {
        MemberId = memberId;
        Since = since;
    }

    public Guid MemberId { get; private set; }

    public DateTimeOffset Since { get; private set; }

    public DateTimeOffset? LastDigestAt { get; private set; }

    public static DigestSubscription Create(Guid memberId, DateTimeOffset now) => new(memberId, now);
}

/// <summary>How far a member has read a thread: the highest post id they have had on screen.</summary>
public sealed class ThreadReadMark
{
    private ThreadReadMark(Guid memberId, long threadId, long lastReadPostId, DateTimeOffset readAt)
    {
        MemberId = memberId;
        ThreadId = threadId;
        LastReadPostId = lastReadPostId;
        ReadAt = readAt;
    }

    public Guid MemberId { get; private set; }

    public long ThreadId { get; private set; }

    public long LastReadPostId { get; private set; }

    public DateTimeOffset ReadAt { get; private set; }

    public static ThreadReadMark Create(Guid memberId, long threadId, long lastReadPostId, DateTimeOffset now) => new(memberId, threadId, lastReadPostId, now);
}
