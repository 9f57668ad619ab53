using CommunityHub.Domain.Common;

namespace CommunityHub.Domain.Threads;

/// <summary>A conversation in a space: a title, an opening post and replies. Named to avoid
/// <see cref="System.Threading.Thread"/>; the UI and URLs say "thread".</summary>
public sealed class DiscussionThread
{
    private readonly List<Post> _posts = [];

    // Also EF Core's constructor: parameter names match the properties they set.
    private DiscussionThread(int spaceId, string title, Guid authorId, DateTimeOffset createdAt)
    {
        SpaceId = spaceId;
        Title = title;
        AuthorId = authorId;
        CreatedAt = createdAt;
        LastActivityAt = createdAt;
        LastPosterId = authorId;
    }

    public long Id { get; private set; }

    public int SpaceId { get; private set; }

    public string Title { get; private set; }

    public Guid AuthorId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsPinned { get; private set; }

    /// <summary>A moderator froze the conversation: only moderators (and staff notes) may still post.</summary>
    public bool IsLocked { get; private set; }

    /// <summary>The conversation is over: nobody replies until a moderator reopens it.</summary>
    public bool IsClosed { get; private set; }

    /// <summary>The reply the company's people marked as the official answer (distinct from the asker's accepted answer).</summary>
    public long? OfficialAnswerPostId { get; private set; }

    // Denormalised for the space's thread list; the reply write path updates them atomically in SQL
    // (concurrent replies must not lose increments) and RecountCounters can rebuild them from the posts.
    public int ReplyCount { get; private set; }

    public DateTimeOffset LastActivityAt { get; private set; }

    public Guid LastPosterId { get; private set; }

    public IReadOnlyCollection<Post> Posts => _posts;

    /// <summary>The reply the starter (or a moderator) accepted as the answer; a thread with one is solved.</summary>
    public long? AcceptedAnswerPostId { get; private set; }

    public static DiscussionThread Start(int spaceId, Guid authorId, string title, string body, string bodyHtml, Guid submissionId, DateTimeOffset now)
    {
        if (authorId == Guid.Empty)
        {
            throw new DomainException("A thread needs an author.");
        }

        var thread = new DiscussionThread(spaceId, Guard.Text(title, PostLimits.TitleMaxLength, "A title"), authorId, now);
        thread._posts.Add(Post.Opening(authorId, body, bodyHtml, submissionId, now));
        return thread;
    }

    public void Pin() => IsPinned = true;

    /// <summary>Marks the reply <paramref name="replyId"/> as the answer, replacing any earlier one.</summary>
    public void AcceptAnswer(long replyId, long replyThreadId, bool replyIsOpeningPost)
    {
        if (replyThreadId != Id)
        {
            throw new DomainException("The answer must be a reply in this thread.");
        }

        if (replyIsOpeningPost)
        {
            throw new DomainException("The opening post cannot be the answer to its own question.");
        }

        AcceptedAnswerPostId = replyId;
    }

    public void ClearAnswer() => AcceptedAnswerPostId = null;
    public void Unpin() => IsPinned = false;

    public void Lock() => IsLocked = true;

    public void Unlock() => IsLocked = false;

    public void Close() => IsClosed = true;

    public void Reopen() => IsClosed = false;

    public void MoveTo(int spaceId)
    {
        if (spaceId == SpaceId)
        {
            throw new DomainException("The thread is already in that space.");
        }

        SpaceId = spaceId;
    }

    public void MarkOfficialAnswer(Post reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.ThreadId != Id || reply.IsOpeningPost)
        {
            throw new DomainException("The official answer is one of this thread's replies.");
        }

        if (reply.IsStaffNote || reply.HiddenAt is not null || reply.DeletedAt is not null)
        {
            throw new DomainException("A staff note, a hidden or a deleted reply cannot be the official answer.");
        }

        OfficialAnswerPostId = reply.Id;
    }

    public void ClearOfficialAnswer() => OfficialAnswerPostId = null;
}
