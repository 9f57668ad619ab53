using CommunityHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Infrastructure.RateLimiting;

/// <summary>Fixed-window counters in PostgreSQL, so that every instance of the app counts against the same
/// limits. A key's window starts at its first use (as with ASP.NET Core's own fixed window), and one statement
/// per limited request counts a hit on each key, says whether any went over, and sweeps a few other keys'
/// ended windows (skipping rows another request holds, so that nobody waits on the sweep).</summary>
public sealed class SharedRateLimitCounter(CommunityDbContext db, TimeProvider clock)
{
    private const int SweptPerHit = 20;

    /// <summary>Counts one use of each key (keys distinct) in its window of length <paramref name="window"/>.
    /// Returns null when every key is within its limit, else how long until the last window it broke ends.</summary>
    public async Task<TimeSpan?> HitAsync(IReadOnlyList<(string Key, int PermitLimit)> keys, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var end = now + window;
        var names = keys.Select(k => k.Key).ToArray();
        var limits = keys.Select(k => k.PermitLimit).ToArray();

        // Not composed by EF (a data-modifying WITH must stay at the top level): ToListAsync runs it as written.
        var refusedUntil = await db.Database.SqlQuery<DateTimeOffset?>(
            $"""
            WITH input AS (
                SELECT * FROM unnest({names}::text[], {limits}::integer[]) AS i(key, permit_limit)),
            hit AS (
                INSERT INTO rate_limit_windows AS w (key, window_start, expires_at, hits)
                SELECT key, {now}, {end}, 1 FROM input
                ON CONFLICT (key) DO UPDATE SET
                    hits = CASE WHEN w.expires_at <= {now} THEN 1 ELSE w.hits + 1 END,
                    window_start = CASE WHEN w.expires_at <= {now} THEN {now} ELSE w.window_start END,
                    expires_at = CASE WHEN w.expires_at <= {now} THEN {end} ELSE w.expires_at END
                RETURNING w.key, w.hits, w.expires_at),
            swept AS (
                DELETE FROM rate_limit_windows WHERE ctid IN (
                    SELECT ctid FROM rate_limit_windows WHERE expires_at <= {now} AND key <> ALL({names}::text[])
                    LIMIT {SweptPerHit} FOR UPDATE SKIP LOCKED))
            SELECT max(hit.expires_at) AS "Value" FROM hit JOIN input USING (key) WHERE hit.hits > input.permit_limit
            """).ToListAsync(cancellationToken);

        return refusedUntil.Single() is { } until ? until - now : null;
    }
}
