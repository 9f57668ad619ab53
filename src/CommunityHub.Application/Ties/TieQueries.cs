using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Domain.Ties;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Ties;

/// <summary>A member's tie to another, scored as of now.</summary>
public sealed record ScoredTie(Guid OtherId, TieState State, TieScore Score);

public static class TieQueries
{
    /// <summary>A member's <paramref name="count"/> strongest ties now, exactly, reading the two
    /// (member, stored strength) indexes from the top. A stored strength is the most that tie can score
    /// until its next event, so once the k-th best current score is at least the stored strength where each
    /// index scan stopped, no unread row can beat it (the threshold algorithm); otherwise read further.</summary>
    public static async Task<IReadOnlyList<ScoredTie>> StrongestAsync(ICommunityDb db, TieScorer scorer, Guid memberId, int count, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scorer);
        var fetch = Math.Max(count * 3, 10);
        while (true)
        {
            var asLow = await db.Ties.AsNoTracking().Where(t => t.MemberLowId == memberId)
                .OrderByDescending(t => t.StrengthAtUpdate).Take(fetch).ToListAsync(cancellationToken);
            var asHigh = await db.Ties.AsNoTracking().Where(t => t.MemberHighId == memberId)
                .OrderByDescending(t => t.StrengthAtUpdate).Take(fetch).ToListAsync(cancellationToken);
            var scored = asLow.Concat(asHigh)
                .Select(t => Scored(t, memberId, scorer, now))
                .OrderByDescending(t => t.Score.Strength)
                .ThenBy(t => t.OtherId)
                .ToList();
            var bound = Math.Max(asLow.Count == fetch ? asLow[^1].StrengthAtUpdate : 0, asHigh.Count == fetch ? asHigh[^1].StrengthAtUpdate : 0);
            var exhausted = asLow.Count < fetch && asHigh.Count < fetch;
            if (exhausted || (scored.Count >= count && scored[count - 1].Score.Strength >= bound))
            {
                return [.. scored.Take(count)];
            }

            fetch *= 4;
        }
    }

    /// <summary>Every tie strength of a member now, against which "strong" is judged for them (their rank, or
    /// their mean by the contract's first reading). Reads every tie of the member (both indexes), streaming.</summary>
    public static async Task<TieStanding> StandingAsync(ICommunityDb db, TieScorer scorer, Guid memberId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scorer);
        var strengths = new List<double>();
        await foreach (var tie in db.Ties.AsNoTracking().Where(t => t.MemberLowId == memberId || t.MemberHighId == memberId).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            strengths.Add(scorer.Score(tie.ToState(), now).Strength);
        }

        return new TieStanding(strengths);
    }

    private static ScoredTie Scored(Tie tie, Guid memberId, TieScorer scorer, DateTimeOffset now)
    {
        var state = tie.ToState();
        return new ScoredTie(state.Pair.Other(memberId), state, scorer.Score(state, now));
    }
}

/// <summary>One member's tie strengths now.</summary>
public sealed class TieStanding(IReadOnlyCollection<double> strengths)
{
    public int Count => strengths.Count;

    public double Mean => strengths.Count == 0 ? 0 : strengths.Average();

    public TieRank RankOf(double strength) => TieRank.Among(strength, strengths);
}
