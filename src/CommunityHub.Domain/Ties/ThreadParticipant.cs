namespace CommunityHub.Domain.Ties;

/// <summary>A member who posted in a thread, from their first post: who shares the thread, and in what order they joined.</summary>
public sealed class ThreadParticipant
{
    public ThreadParticipant(long threadId, Guid memberId, long firstPostId, DateTimeOffset joinedAt)
    {
        ThreadId = threadId;
        MemberId = memberId;
        FirstPostId = firstPostId;
        JoinedAt = joinedAt;
    }

    public long ThreadId { get; private set; }

    public Guid MemberId { get; private set; }

    public long FirstPostId { get; private set; }

    public DateTimeOffset JoinedAt { get; private set; }
}
