namespace CommunityHub.Application.Common.Abstractions;

/// <summary>Ids of new threads, posts, spaces and organisations, handed out from the tables' own sequences before the rows are
/// written, so that the rows and events a use case causes can all refer to them and be saved at once.
/// Replies to one thread are written one at a time: <see cref="NextReplyAsync"/> takes the thread's lock
/// first, so a reply's id and what it answers follow the order in which replies are written. A thread's lock is its
/// writers' queue, served in the order they came, and then its row's lock.</summary>
public interface IKeys
{
    Task<(long ThreadId, long OpeningPostId)> NewThreadAsync(CancellationToken cancellationToken);

    /// <summary>Locks the thread until the transaction ends, then hands out the reply's id; null when
    /// there is no such thread.</summary>
    Task<long?> NextReplyAsync(long threadId, CancellationToken cancellationToken);

    /// <summary>Locks the thread until the transaction ends, for a change that must not interleave with a
    /// reply (every writer takes the thread's lock before any other: no deadlocks). False when there is no such thread.</summary>
    Task<bool> LockThreadAsync(long threadId, CancellationToken cancellationToken);

    Task<int> NewSpaceIdAsync(CancellationToken cancellationToken);

    Task<int> NewOrganisationIdAsync(CancellationToken cancellationToken);

    Task<int> NewGroupIdAsync(CancellationToken cancellationToken);

    Task<int> NewTagIdAsync(CancellationToken cancellationToken);

    Task<int> NewTagGroupIdAsync(CancellationToken cancellationToken);
}
