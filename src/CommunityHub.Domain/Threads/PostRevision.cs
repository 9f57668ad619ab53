namespace CommunityHub.Domain.Threads;

/// <summary>An earlier version of a post, kept when it was edited: what it said, and who replaced it when.</summary>
public sealed class PostRevision
{
    private PostRevision(long postId, string body, string bodyHtml, DateTimeOffset writtenAt, Guid replacedById, DateTimeOffset replacedAt)
    {
        PostId = postId;
        Body = body;
        BodyHtml = bodyHtml;
        WrittenAt = writtenAt;
        ReplacedById = replacedById;
        ReplacedAt = replacedAt;
    }

    public long Id { get; private set; }

    public long PostId { get; private set; }

    public string Body { get; private set; }

    public string BodyHtml { get; private set; }

    /// <summary>When this version was written: the post's creation, or the edit before.</summary>
    public DateTimeOffset WrittenAt { get; private set; }

    /// <summary>Who made the edit that replaced this version (the author, or a moderator).</summary>
    public Guid ReplacedById { get; private set; }

    public DateTimeOffset ReplacedAt { get; private set; }

    internal static PostRevision Of(Post post, Guid editorId, DateTimeOffset now) =>
        new(post.Id, post.Body, post.BodyHtml, post.EditedAt ?? post.CreatedAt, editorId, now);
}
