namespace CommunityHub.Domain.Ties;

/// <summary>The calendar weeks in which a pair was in touch (a direct reply or a mention either way), as a
/// 64-bit map: bit k is the week <c>k</c> weeks before <c>latest</c>. Setting a bit is idempotent and
/// commutative, so the map does not depend on the order events arrive in (incremental equals batch); weeks
/// more than 63 before the latest fall off, as they would have in order. O(1) per event, one bigint per pair.</summary>
public static class ContactWeeks
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    /// <summary>Whole weeks since the Unix epoch.</summary>
    public static int WeekOf(DateTimeOffset at) => (int)Math.Floor((at - DateTimeOffset.UnixEpoch) / Week);

    /// <summary>The map with <paramref name="week"/> set.</summary>
    public static (long Weeks, int Latest) With(long weeks, int latest, int week)
    {
        if (weeks == 0)
        {
            return (1, week);
        }

        if (week > latest)
        {
            var shift = week - latest;
            return ((shift >= 64 ? 0 : weeks << shift) | 1, week);
        }

        var back = latest - week;
        return back >= 64 ? (weeks, latest) : (weeks | (1L << back), latest);
    }

    /// <summary>The weeks in touch, each decayed from its middle to <paramref name="now"/> with <paramref name="halfLife"/>.</summary>
    public static double Decayed(long weeks, int latest, DateTimeOffset now, TimeSpan halfLife)
    {
        var sum = 0.0;
        for (var k = 0; k < 64 && weeks != 0; k++)
        {
            if ((weeks & (1L << k)) != 0)
            {
                var middle = DateTimeOffset.UnixEpoch + ((latest - k) * Week) + (Week / 2);
                sum += Decay.Factor(now - middle, halfLife);
            }
        }

        return sum;
    }

    /// <summary>How many weeks the map holds.</summary>
    public static int Count(long weeks) => System.Numerics.BitOperations.PopCount(unchecked((ulong)weeks));
}
