namespace CommunityHub.Domain.Threads;

/// <summary>What the conversation rules read of a post: the entity, or any projection a query made of it, so the
/// same rule decides a write and the flag a page shows.</summary>
public interface IPostState
{
    Guid AuthorId { get; }

    bool IsOpeningPost { get; }

    bool IsStaffNote { get; }

    DateTimeOffset? HiddenAt { get; }

    DateTimeOffset? DeletedAt { get; }

    /// <summary>Stored but not published: a moderator approves it first. Only its author and moderators meet it.</summary>
    bool AwaitingApproval { get; }
}

/// <summary>What the conversation rules read of a thread.</summary>
public interface IThreadState
{
    /// <summary>Who started the thread.</summary>
    Guid AuthorId { get; }

    bool IsLocked { get; }

    bool IsClosed { get; }
}

/// <summary>A thread's state as a value, for reads that project it.</summary>
public sealed record ThreadSnapshot(Guid AuthorId, bool IsLocked, bool IsClosed) : IThreadState;

/// <summary>A post's state as a value, for reads that project it.</summary>
public sealed record PostSnapshot(Guid AuthorId, bool IsOpeningPost, bool IsStaffNote, DateTimeOffset? HiddenAt, DateTimeOffset? DeletedAt, bool AwaitingApproval = false) : IPostState;
