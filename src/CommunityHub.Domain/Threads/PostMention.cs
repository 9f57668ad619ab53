namespace CommunityHub.Domain.Threads;

/// <summary>A member @mentioned in a post: direct address between the two, kept so it can be replayed and notified.</summary>
public sealed class PostMention
{
    public PostMention(long postId, Guid memberId)
    {
        PostId = postId;
        MemberId = memberId;
    }

    public long PostId { get; private set; }

    public Guid MemberId { get; private set; }
}
