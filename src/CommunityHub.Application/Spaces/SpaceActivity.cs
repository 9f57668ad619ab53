using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Events;
using CommunityHub.Application.Common.Persistence;
using CommunityHub.Domain.Threads;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Spaces;

/// <summary>Keeps each space's thread count and latest activity (denormalised for the home page) in step with its
/// threads. Threads in one space are written concurrently, so the space row moves in SQL, atomically, after the
/// use case's rows are saved: no lost increment, and the latest activity never moves back when a reply written
/// earlier commits after a later one. Staff notes move nothing: members must not learn of one from a count.</summary>
public sealed class SpaceActivity(ICommunityDb db)
    : IDomainEventSubscriber<ThreadStarted>, IDomainEventSubscriber<ReplyPosted>, IDomainEventSubscriber<ThreadMoved>, IUnitOfWorkParticipant
{
    private readonly List<Func<CancellationToken, Task>> _updates = [];

    public Task Handle(ThreadStarted domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var (spaceId, threadId, at) = (domainEvent.Thread.SpaceId, domainEvent.Thread.Id, domainEvent.At);
        _updates.Add(ct => db.Spaces.Where(s => s.Id == spaceId).ExecuteUpdateAsync(
            s => s.SetProperty(x => x.ThreadCount, x => x.ThreadCount + 1)
                  .SetProperty(x => x.LastActiveThreadId, x => x.LastActivityAt > at ? x.LastActiveThreadId : threadId)
                  .SetProperty(x => x.LastActivityAt, x => x.LastActivityAt > at ? x.LastActivityAt : at),
            ct));
        return Task.CompletedTask;
    }

    public Task Handle(ReplyPosted domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        if (domainEvent.IsStaffNote)
        {
            return Task.CompletedTask;
        }

        var (spaceId, threadId, at) = (domainEvent.Thread.SpaceId, domainEvent.Thread.Id, domainEvent.At);
        _updates.Add(ct => db.Spaces.Where(s => s.Id == spaceId).ExecuteUpdateAsync(
            s => s.SetProperty(x => x.LastActiveThreadId, x => x.LastActivityAt > at ? x.LastActiveThreadId : threadId)
                  .SetProperty(x => x.LastActivityAt, x => x.LastActivityAt > at ? x.LastActivityAt : at),
            ct));
        return Task.CompletedTask;
    }

    /// <summary>Both spaces recounted from their threads, once the move is saved.</summary>
    public Task Handle(ThreadMoved domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        int[] spaces = [domainEvent.FromSpaceId, domainEvent.ToSpaceId];
        _updates.Add(ct => SpaceCounters.RecountAsync(db, spaces, ct));
        return Task.CompletedTask;
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        var updates = _updates.ToList();
        _updates.Clear();
        foreach (var update in updates)
        {
            await update(cancellationToken);
        }
    }

    public void Reset() => _updates.Clear();
}
