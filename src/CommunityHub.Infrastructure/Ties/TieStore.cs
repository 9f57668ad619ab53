using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Domain.Ties;
using CommunityHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace CommunityHub.Infrastructure.Ties;

/// <summary>The tie store on PostgreSQL. An update is two statements whatever the number of pairs: insert
/// the missing rows and lock them all in key order (an upsert whose conflict branch changes nothing), then write
/// the new accumulators computed by the domain's <see cref="TieState.Apply"/>. The arithmetic lives in one
/// place, C#, and concurrent writers to one pair queue on its row lock instead of losing an update.</summary>
internal sealed class TieStore(CommunityDbContext db, IOptions<TieOptions> options) : ITieStore
{
    private const string Columns =
        "member_low_id, member_high_id, as_of, first_at, last_at, has_direct, contact, intensity, confiding_low_to_high, confiding_high_to_low, service_low_to_high, service_high_to_low, strength_at_update";

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

        // One statement inserts the missing rows and locks every row in key order: an existing row takes a no-op
        // update (ON CONFLICT DO UPDATE locks it as it goes), and RETURNING hands all of them back as they stand.
        var locked = await db.Ties
            .FromSqlRaw(
                $"""
                INSERT INTO ties ({Columns})
                SELECT k.low, k.high, k.at, k.at, k.at, false, 0, 0, 0, 0, 0, 0, 0
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

        var scorer = new TieScorer(options.Value);
        var updated = locked.Select(row =>
        {
            var state = row.ToState();
            foreach (var contribution in byPair.Single(g => g.Key == state.Pair).OrderBy(c => c.At))
            {
                state = state.Apply(contribution, options.Value);
            }

            // The strength now is the highest it will be until the next event: an upper bound for reads.
            return (State: state, Strength: scorer.Score(state, state.AsOf).Strength);
        }).ToList();

        await db.Database.ExecuteSqlRawAsync(
            """
            UPDATE ties AS t SET
                as_of = v.as_of, first_at = v.first_at, last_at = v.last_at, has_direct = v.has_direct,
                contact = v.contact, intensity = v.intensity,
                confiding_low_to_high = v.cl, confiding_high_to_low = v.ch, service_low_to_high = v.sl, service_high_to_low = v.sh,
                strength_at_update = v.strength
            FROM unnest(@lows, @highs, @as_of, @first_at, @last_at, @has_direct, @contact, @intensity, @cl, @ch, @sl, @sh, @strength)
                AS v(low, high, as_of, first_at, last_at, has_direct, contact, intensity, cl, ch, sl, sh, strength)
            WHERE t.member_low_id = v.low AND t.member_high_id = v.high
            """,
            StateParameters(updated),
            cancellationToken);
    }

    public async Task ReplaceAllAsync(RebuiltTies rebuilt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rebuilt);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.ExecuteSqlRawAsync("TRUNCATE ties, thread_participants", cancellationToken);

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
                foreach (var value in new[] { s.Contact, s.Intensity, s.ConfidingLowToHigh, s.ConfidingHighToLow, s.ServiceLowToHigh, s.ServiceHighToLow, strength })
                {
                    await copy.WriteAsync(value, NpgsqlDbType.Double, cancellationToken);
                }
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

    private static NpgsqlParameter<Guid[]> Uuids(string name, Guid[] values) => new(name, values);

    private static object[] StateParameters(IReadOnlyList<(TieState State, double Strength)> rows) =>
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
    ];
}
