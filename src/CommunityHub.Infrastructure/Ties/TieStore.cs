using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Domain.Ties;
using CommunityHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CommunityHub.Infrastructure.Ties;

/// <summary>The tie store on PostgreSQL. An update is two statements whatever the number of pairs: one inserts
/// the missing rows, locks them all in key order (an upsert whose conflict branch changes nothing) and queues the
/// pairs for the structure pass; the other writes the new accumulators computed by the domain's
/// <see cref="TieState.Apply"/>. The arithmetic lives in one place, C#, and concurrent writers to one pair
/// queue on its row lock instead of losing an update. The structural component is kept current by
/// <see cref="RefreshStructureAsync"/>, a bounded pass over the queued pairs, never per event.</summary>
public sealed class TieStore(CommunityDbContext db, TieScorer scorer) : ITieStore
{
    private const string Columns =
        "member_low_id, member_high_id, as_of, first_at, last_at, has_direct, contact, intensity, confiding_low_to_high, confiding_high_to_low, service_low_to_high, service_high_to_low, strength_at_update, embeddedness, active_weeks, latest_week";

    private TieOptions Options => scorer.Options;

    public async Task ApplyAsync(IReadOnlyCollection<TieContribution> contributions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contributions);
        if (contributions.Count == 0)
        {
            return;
        }

        var byPair = contributions.GroupBy(c => c.Pair).OrderBy(g => g.Key.Low).ThenBy(g => g.Key.High).ToList();
        var lows = byPair.Select(g => g.Key.Low).ToArray();
        var highs = byPair.Select(g => g.Key.High).ToArray();
        var firsts = byPair.Select(g => g.Min(c => c.At).ToUniversalTime()).ToArray();

        // One statement queues the pairs for the structure pass, inserts the missing rows and locks every row in key
        // order: an existing row takes a no-op update (ON CONFLICT DO UPDATE locks it as it goes), and RETURNING
        // hands all of them back as they stand.
        var locked = await db.Ties
            .FromSqlRaw(
                $"""
                WITH queued AS (
                    INSERT INTO tie_structure_queue (member_low_id, member_high_id, queued_at)
                    SELECT k.low, k.high, now() FROM unnest(@lows, @highs) AS k(low, high)
                    ORDER BY k.low, k.high
                    ON CONFLICT (member_low_id, member_high_id) DO NOTHING)
                INSERT INTO ties ({Columns})
                SELECT k.low, k.high, k.at, k.at, k.at, false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
                FROM unnest(@lows, @highs, @ats) AS k(low, high, at)
                ORDER BY k.low, k.high
                ON CONFLICT (member_low_id, member_high_id) DO UPDATE SET member_low_id = ties.member_low_id
                RETURNING ties.*
                """,
                Uuids("lows", lows),
                Uuids("highs", highs),
                new NpgsqlParameter<DateTimeOffset[]>("ats", firsts))
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        var updated = locked.Select(row =>
        {
            var state = row.ToState();
            foreach (var contribution in byPair.Single(g => g.Key == state.Pair).OrderBy(c => c.At))
            {
                state = state.Apply(contribution, Options);
            }

            // The strength now is the highest it will be until the next event: an upper bound for reads.
            return (State: state, Strength: scorer.Score(state, state.AsOf).Strength);
        }).ToList();

        await WriteAsync(updated, cancellationToken);
    }

    /// <summary>The structure pass: claims up to <paramref name="maxChanges"/> queued pairs (SKIP LOCKED, so
    /// instances share the queue), reads the neighbourhoods of their members and of the members both are tied to,
    /// recomputes the embeddedness of every tie the changes affect, and writes it with the strength it gives (the
    /// rows locked in key order, as the write path locks them). Work per pair is proportional to the two members'
    /// ties, not to the history.</summary>
    public async Task<StructureRefresh> RefreshStructureAsync(int maxChanges, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claimed = await db.Database.SqlQueryRaw<ClaimedPair>(
                """
                DELETE FROM tie_structure_queue AS q
                USING (SELECT member_low_id, member_high_id FROM tie_structure_queue
                       ORDER BY queued_at, member_low_id, member_high_id LIMIT @max FOR UPDATE SKIP LOCKED) AS c
                WHERE q.member_low_id = c.member_low_id AND q.member_high_id = c.member_high_id
                RETURNING q.member_low_id AS "Low", q.member_high_id AS "High"
                """,
                new NpgsqlParameter<int>("max", maxChanges))
            .ToListAsync(cancellationToken);
        if (claimed.Count == 0)
        {
            return new StructureRefresh(0, 0);
        }

        var neighbourhoods = new Dictionary<Guid, TieStructure.Neighbourhood>();
        await LoadNeighbourhoodsAsync(neighbourhoods, claimed.SelectMany(c => new[] { c.Low, c.High }), now, cancellationToken);
        var affected = new HashSet<MemberPair>();
        foreach (var change in claimed)
        {
            var pair = MemberPair.Of(change.Low, change.High);
            if (neighbourhoods[pair.Low].ContainsKey(pair.High))
            {
                affected.UnionWith(TieStructure.Affected(pair, neighbourhoods[pair.Low], neighbourhoods[pair.High]));
            }
        }

        await LoadNeighbourhoodsAsync(neighbourhoods, affected.SelectMany(p => new[] { p.Low, p.High }), now, cancellationToken);
        var embeddedness = affected.ToDictionary(p => p, p => TieStructure.Embeddedness(p.Low, neighbourhoods[p.Low], p.High, neighbourhoods[p.High]));

        var updated = new List<(TieState State, double Strength)>();
        foreach (var batch in embeddedness.OrderBy(e => e.Key.Low).ThenBy(e => e.Key.High).Chunk(5_000))
        {
            var rows = await LockAsync([.. batch.Select(b => b.Key.Low)], [.. batch.Select(b => b.Key.High)], cancellationToken);
            updated.AddRange(rows.Select(row =>
            {
                var state = row.ToState().WithEmbeddedness(embeddedness[MemberPair.Of(row.MemberLowId, row.MemberHighId)], now, Options);
                return (state, scorer.Score(state, state.AsOf).Strength);
            }));
        }

        await WriteAsync(updated, cancellationToken);
        return new StructureRefresh(claimed.Count, updated.Count);
    }

    /// <summary>Any number that no other part of the app takes an advisory lock on.</summary>
    private const long CalibrationLock = 0x436F_6D6D_5469_6531;

    public async Task<int> RescoreAllAsync(TieScorer newScorer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(newScorer);
        var rows = 0;
        var batch = new List<(TieState State, double Strength)>(10_000);
        await foreach (var tie in db.Ties.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var state = tie.ToState();
            batch.Add((state, newScorer.Score(state, state.AsOf).Strength));
            if (batch.Count == 10_000)
            {
                rows += await WriteStrengthsAsync(batch, cancellationToken);
                batch.Clear();
            }
        }

        return rows + await WriteStrengthsAsync(batch, cancellationToken);
    }

    public async Task<bool> TryClaimCalibrationAsync(CancellationToken cancellationToken) =>
        (await db.Database.SqlQueryRaw<bool>($"SELECT pg_try_advisory_xact_lock({CalibrationLock}) AS \"Value\"").ToListAsync(cancellationToken)).Single();

    public async Task ReplaceAllAsync(RebuiltTies rebuilt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rebuilt);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.ExecuteSqlRawAsync("TRUNCATE ties, thread_participants, tie_structure_queue", cancellationToken);

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY thread_participants (thread_id, member_id, first_post_id, joined_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var p in rebuilt.Participants)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(p.ThreadId, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(p.MemberId, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(p.FirstPostId, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(p.JoinedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await using (var copy = await connection.BeginBinaryImportAsync($"COPY ties ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var (s, strength) in rebuilt.Ties)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(s.Pair.Low, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(s.Pair.High, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(s.AsOf.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(s.FirstAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(s.LastAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(s.HasDirect, NpgsqlDbType.Boolean, cancellationToken);
                foreach (var value in new[] { s.Contact, s.Intensity, s.ConfidingLowToHigh, s.ConfidingHighToLow, s.ServiceLowToHigh, s.ServiceHighToLow, strength, s.Embeddedness })
                {
                    await copy.WriteAsync(value, NpgsqlDbType.Double, cancellationToken);
                }

                await copy.WriteAsync(s.ActiveWeeks, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(s.LatestWeek, NpgsqlDbType.Integer, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        // Addressees change only where the rules or the history changed: write just those, in batches.
        foreach (var batch in rebuilt.Addressees.Chunk(10_000))
        {
            await db.Database.ExecuteSqlRawAsync(
                """
                UPDATE posts AS p SET addressed_to_id = v.addressee
                FROM unnest(@ids, @addressees) AS v(id, addressee)
                WHERE p.id = v.id AND p.addressed_to_id IS DISTINCT FROM v.addressee
                """,
                [
                    new NpgsqlParameter<long[]>("ids", [.. batch.Select(b => b.Key)]),
                    new NpgsqlParameter("addressees", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = batch.Select(b => b.Value).ToArray() },
                ],
                cancellationToken);
        }
    }

    private Task<List<Tie>> LockAsync(Guid[] lows, Guid[] highs, CancellationToken cancellationToken) =>
        db.Ties
            .FromSqlRaw(
                """
                SELECT t.* FROM ties AS t
                JOIN unnest(@lows, @highs) AS k(low, high) ON t.member_low_id = k.low AND t.member_high_id = k.high
                ORDER BY t.member_low_id, t.member_high_id
                FOR UPDATE OF t
                """,
                Uuids("lows", lows),
                Uuids("highs", highs))
            .AsNoTracking()
            .ToListAsync(cancellationToken);

    private Task WriteAsync(List<(TieState State, double Strength)> rows, CancellationToken cancellationToken) =>
        rows.Count == 0 ? Task.CompletedTask : db.Database.ExecuteSqlRawAsync(
            """
            UPDATE ties AS t SET
                as_of = v.as_of, first_at = v.first_at, last_at = v.last_at, has_direct = v.has_direct,
                contact = v.contact, intensity = v.intensity,
                confiding_low_to_high = v.cl, confiding_high_to_low = v.ch, service_low_to_high = v.sl, service_high_to_low = v.sh,
                strength_at_update = v.strength, embeddedness = v.embeddedness, active_weeks = v.active_weeks, latest_week = v.latest_week
            FROM unnest(@lows, @highs, @as_of, @first_at, @last_at, @has_direct, @contact, @intensity, @cl, @ch, @sl, @sh, @strength, @embeddedness, @active_weeks, @latest_week)
                AS v(low, high, as_of, first_at, last_at, has_direct, contact, intensity, cl, ch, sl, sh, strength, embeddedness, active_weeks, latest_week)
            WHERE t.member_low_id = v.low AND t.member_high_id = v.high
            """,
            StateParameters(rows),
            cancellationToken);

    private async Task<int> WriteStrengthsAsync(List<(TieState State, double Strength)> rows, CancellationToken cancellationToken) =>
        rows.Count == 0 ? 0 : await db.Database.ExecuteSqlRawAsync(
            """
            UPDATE ties AS t SET strength_at_update = v.strength
            FROM unnest(@lows, @highs, @strength) AS v(low, high, strength)
            WHERE t.member_low_id = v.low AND t.member_high_id = v.high
            """,
            [
                Uuids("lows", [.. rows.Select(r => r.State.Pair.Low)]),
                Uuids("highs", [.. rows.Select(r => r.State.Pair.High)]),
                new NpgsqlParameter<double[]>("strength", [.. rows.Select(r => r.Strength)]),
            ],
            cancellationToken);

    /// <summary>Adds the neighbourhoods (each tie's contact count as of <paramref name="now"/>) of the members not yet loaded.</summary>
    private async Task LoadNeighbourhoodsAsync(Dictionary<Guid, TieStructure.Neighbourhood> neighbourhoods, IEnumerable<Guid> members, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var missing = members.Where(m => !neighbourhoods.ContainsKey(m)).Distinct().ToArray();
        foreach (var member in missing)
        {
            neighbourhoods[member] = [];
        }

        foreach (var batch in missing.Chunk(1_000))
        {
            var loading = batch.ToHashSet();
            var rows = await db.Ties.AsNoTracking()
                .Where(t => batch.Contains(t.MemberLowId) || batch.Contains(t.MemberHighId))
                .Select(t => new { t.MemberLowId, t.MemberHighId, t.AsOf, t.Contact })
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                var weight = Math.Max(0, row.Contact) * Decay.Factor(now - row.AsOf, Options.TimeHalfLife);
                if (neighbourhoods.TryGetValue(row.MemberLowId, out var low) && loading.Contains(row.MemberLowId))
                {
                    low[row.MemberHighId] = weight;
                }

                if (neighbourhoods.TryGetValue(row.MemberHighId, out var high) && loading.Contains(row.MemberHighId))
                {
                    high[row.MemberLowId] = weight;
                }
            }
        }
    }

    private static NpgsqlParameter<Guid[]> Uuids(string name, Guid[] values) => new(name, values);

    private sealed record ClaimedPair(Guid Low, Guid High);

    private static object[] StateParameters(List<(TieState State, double Strength)> rows) =>
    [
        Uuids("lows", [.. rows.Select(r => r.State.Pair.Low)]),
        Uuids("highs", [.. rows.Select(r => r.State.Pair.High)]),
        new NpgsqlParameter<DateTimeOffset[]>("as_of", [.. rows.Select(r => r.State.AsOf.ToUniversalTime())]),
        new NpgsqlParameter<DateTimeOffset[]>("first_at", [.. rows.Select(r => r.State.FirstAt.ToUniversalTime())]),
        new NpgsqlParameter<DateTimeOffset[]>("last_at", [.. rows.Select(r => r.State.LastAt.ToUniversalTime())]),
        new NpgsqlParameter<bool[]>("has_direct", [.. rows.Select(r => r.State.HasDirect)]),
        new NpgsqlParameter<double[]>("contact", [.. rows.Select(r => r.State.Contact)]),
        new NpgsqlParameter<double[]>("intensity", [.. rows.Select(r => r.State.Intensity)]),
        new NpgsqlParameter<double[]>("cl", [.. rows.Select(r => r.State.ConfidingLowToHigh)]),
        new NpgsqlParameter<double[]>("ch", [.. rows.Select(r => r.State.ConfidingHighToLow)]),
        new NpgsqlParameter<double[]>("sl", [.. rows.Select(r => r.State.ServiceLowToHigh)]),
        new NpgsqlParameter<double[]>("sh", [.. rows.Select(r => r.State.ServiceHighToLow)]),
        new NpgsqlParameter<double[]>("strength", [.. rows.Select(r => r.Strength)]),
        new NpgsqlParameter<double[]>("embeddedness", [.. rows.Select(r => r.State.Embeddedness)]),
        new NpgsqlParameter<long[]>("active_weeks", [.. rows.Select(r => r.State.ActiveWeeks)]),
        new NpgsqlParameter<int[]>("latest_week", [.. rows.Select(r => r.State.LatestWeek)]),
    ];
}
