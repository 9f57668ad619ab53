using System.Linq.Expressions;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Events;
using CommunityHub.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Common.Persistence;

/// <summary>Work that finishes a use case after its rows are saved, in the same transaction (the tie store, which
/// locks tie rows last so that every writer takes its locks in one order: the thread, then the ties).</summary>
public interface IUnitOfWorkParticipant
{
    Task CompleteAsync(CancellationToken cancellationToken);

    /// <summary>Forgets what was gathered: the attempt failed and is being retried from the start.</summary>
    void Reset();

    /// <summary>When it runs among the participants, lowest first: the order in which their statements take row locks,
    /// the same for every writer (the tie store's rows are always last).</summary>
    int Order => 0;

    /// <summary>Work that must wait until the transaction has committed, because it cannot be rolled back with it
    /// (deleting a bucket's objects that the old rows pointed at). Best effort: it must not throw.</summary>
    Task CommittedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>How a command's work reaches the database, once: the handler changes aggregates; then the unit of work
/// dispatches what they recorded, saves everything in one go, lets the participants finish, and the transaction
/// behaviour commits. Handlers never save.</summary>
public sealed class UnitOfWork(ICommunityDb db, DomainEventDispatcher events, IEnumerable<IUnitOfWorkParticipant> participants)
{
    private readonly IUnitOfWorkParticipant[] _participants = [.. participants.OrderBy(p => p.Order)];

    public const string DefaultConflictMessage = "Someone changed this while you were working on it. Reload the page and try again.";

    private string? _conflictMessage;

    /// <summary>The edit started from <paramref name="startedFrom"/>: refuse it now when the row has moved on, and
    /// have the save refuse it when the row moves on meanwhile (the UPDATE matches only that version), with
    /// <paramref name="conflictMessage"/> on the form instead of an error page.</summary>
    public void ExpectVersion<TEntity, TVersion>(TEntity entity, Expression<Func<TEntity, TVersion>> version, TVersion startedFrom, string conflictMessage)
        where TEntity : class
        where TVersion : struct, IEquatable<TVersion>
    {
        ArgumentNullException.ThrowIfNull(version);
        if (!version.Compile()(entity).Equals(startedFrom))
        {
            throw new DomainException(conflictMessage);
        }

        db.Entry(entity).Property(version).OriginalValue = startedFrom;
        _conflictMessage = conflictMessage;
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await events.DispatchAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(_conflictMessage ?? DefaultConflictMessage);
        }

        foreach (var participant in _participants)
        {
            await participant.CompleteAsync(cancellationToken);
        }
    }

    /// <summary>After the commit: the participants' work that could not be rolled back.</summary>
    public async Task CommittedAsync(CancellationToken cancellationToken)
    {
        foreach (var participant in _participants)
        {
            await participant.CommittedAsync(cancellationToken);
        }
    }

    public void Reset()
    {
        _conflictMessage = null;
        foreach (var participant in _participants)
        {
            participant.Reset();
        }
    }
}
