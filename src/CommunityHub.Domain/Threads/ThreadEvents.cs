using CommunityHub.Domain.Common;

namespace CommunityHub.Domain.Threads;

// What happens in a conversation, recorded by the thread and its posts as it happens and dispatched once after
// the use case's work, inside its transaction: tie bookkeeping, watching and notifications subscribe, and a
// failing subscriber rolls the post back with it. Each event carries what its subscribers need.

/// <summary>Where a post was written and by whom, in the words the notifications and e-mails use: what the
/// use case loaded anyway, so no subscriber reads it again. <paramref name="InIdeasSpace"/>: a thread started
/// there is an idea (its author's vote is cast with it).</summary>
public sealed record PostPlace(int SpaceId, string SpaceSlug, string SpaceName, string AuthorName, bool InIdeasSpace = false);

/// <summary>A thread was started with its opening post (which @mentions <see cref="Post.Mentions"/>).</summary>
public sealed record ThreadStarted(DiscussionThread Thread, Post OpeningPost, PostPlace Place, DateTimeOffset At) : IDomainEvent
{
    public long ThreadId => Thread.Id;

    public Guid AuthorId => OpeningPost.AuthorId;
}

/// <summary>A reply was posted. <see cref="Placement"/> says whom it answers and who was in the thread before it,
/// as derived under the thread's lock from <see cref="SoFar"/>, what the thread held before it.</summary>
public sealed record ReplyPosted(DiscussionThread Thread, Post Reply, PostPlace Place, ThreadSoFar SoFar, ReplyPlacement Placement, DateTimeOffset At) : IDomainEvent
{
    public long ThreadId => Thread.Id;

    public long PostId => Reply.Id;

    public Guid AuthorId => Reply.AuthorId;

    public bool IsStaffNote => Reply.IsStaffNote;
}

/// <summary>A post's body was edited, by its author or a moderator (<see cref="EditorId"/>).</summary>
public sealed record PostEdited(Post Post, Guid EditorId, DateTimeOffset At) : IDomainEvent
{
    public long PostId => Post.Id;

    public Guid AuthorId => Post.AuthorId;
}

/// <summary>Someone speaking for the company marked <see cref="Reply"/> as the thread's official answer.</summary>
public sealed record OfficialAnswerMarked(DiscussionThread Thread, Post Reply, Guid MarkedById, DateTimeOffset At) : IDomainEvent
{
    public long PostId => Reply.Id;

    public Guid AuthorId => Reply.AuthorId;
}

/// <summary>The thread moved from one space to another: both spaces' counters follow.</summary>
public sealed record ThreadMoved(DiscussionThread Thread, int FromSpaceId, int ToSpaceId) : IDomainEvent;

/// <summary>A post was stored to wait for a moderator's approval: nothing else happens until then.</summary>
public sealed record PostHeld(long ThreadId, long PostId, Guid AuthorId, DateTimeOffset At) : IDomainEvent;
