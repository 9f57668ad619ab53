using CommunityHub.Domain.Ties;

namespace CommunityHub.Application.Common.Abstractions;

/// <summary>The tie store's writes, which PostgreSQL does best (upserts under row locks, bulk copy); reads go
/// through <see cref="ICommunityDb.Ties"/>. Everything runs in the caller's transaction.</summary>
public interface ITieStore
{
    /// <summary>Applies the contributions to their pairs' rows: one row per pair, O(1) per affected pair,
    /// safe against concurrent writers to the same pair (rows are locked in a fixed order).</summary>
    Task ApplyAsync(IReadOnlyCollection<TieContribution> contributions, CancellationToken cancellationToken);

    /// <summary>The structure pass over at most <paramref name="maxChanges"/> queued pairs (see <see cref="TieStructure"/>).</summary>
    Task<StructureRefresh> RefreshStructureAsync(int maxChanges, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Recomputes every tie's stored strength with <paramref name="newScorer"/> (after a new model is adopted,
    /// so that the strongest-ties reads keep a true upper bound), in batches.</summary>
    Task<int> RescoreAllAsync(TieScorer newScorer, CancellationToken cancellationToken);

    /// <summary>Takes the calibration's turn for this transaction, if no other instance holds it.</summary>
    Task<bool> TryClaimCalibrationAsync(CancellationToken cancellationToken);

    /// <summary>Replaces every tie, participant and post addressee with the ones recomputed from history.</summary>
    Task ReplaceAllAsync(RebuiltTies rebuilt, CancellationToken cancellationToken);
}

/// <summary>What a rebuild recomputed from the event history.</summary>
public sealed record RebuiltTies(
    IReadOnlyCollection<(TieState State, double Strength)> Ties,
    IReadOnlyCollection<ThreadParticipant> Participants,
    IReadOnlyDictionary<long, Guid?> Addressees);

/// <summary>What one structure pass did: queued pairs it took, tie rows it rewrote.</summary>
public sealed record StructureRefresh(int Changes, int Ties);
