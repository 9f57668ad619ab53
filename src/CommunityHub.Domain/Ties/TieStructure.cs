namespace CommunityHub.Domain.Ties;

/// <summary>The structural component's arithmetic: a pair's embeddedness is the sum, over the members both are
/// tied to, of the weaker of the two ties' contact counts — shared neighbours weighted by those ties' own
/// strength (Granovetter 1973's triadic closure; the "mutual friends" of Gilbert &amp; Karahalios 2009; the
/// weighted overlap of Onnela et al. 2007). It uses one accumulator with one half-life, so it decays exactly
/// like the others between changes; it changes when a tie of either member to a shared neighbour changes,
/// which is what <see cref="Affected"/> lists for the store's structure pass.</summary>
public static class TieStructure
{
    /// <summary>A member's neighbours with each tie's contact count (as of one moment).</summary>
    public sealed class Neighbourhood : Dictionary<Guid, double>
    {
    }

    /// <summary>The contact count of a tie decayed to <paramref name="at"/>: the weight of a neighbour.</summary>
    public static double WeightAt(TieState state, DateTimeOffset at, TieOptions options)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);
        return Math.Max(0, state.Contact) * Decay.Factor(at - state.AsOf, options.TimeHalfLife);
    }

    /// <summary>Σ over the members in both neighbourhoods (other than the two themselves) of the smaller weight.</summary>
    public static double Embeddedness(Guid a, IReadOnlyDictionary<Guid, double> neighboursOfA, Guid b, IReadOnlyDictionary<Guid, double> neighboursOfB)
    {
        ArgumentNullException.ThrowIfNull(neighboursOfA);
        ArgumentNullException.ThrowIfNull(neighboursOfB);
        var (small, large) = neighboursOfA.Count <= neighboursOfB.Count ? (neighboursOfA, neighboursOfB) : (neighboursOfB, neighboursOfA);
        var sum = 0.0;
        foreach (var (member, weight) in small)
        {
            if (member != a && member != b && large.TryGetValue(member, out var other))
            {
                sum += Math.Min(weight, other);
            }
        }

        return sum;
    }

    /// <summary>Every member's neighbourhood as of <paramref name="at"/>.</summary>
    public static Dictionary<Guid, Neighbourhood> Neighbourhoods(IEnumerable<TieState> ties, DateTimeOffset at, TieOptions options)
    {
        ArgumentNullException.ThrowIfNull(ties);
        var neighbourhoods = new Dictionary<Guid, Neighbourhood>();
        foreach (var tie in ties)
        {
            var weight = WeightAt(tie, at, options);
            Of(neighbourhoods, tie.Pair.Low)[tie.Pair.High] = weight;
            Of(neighbourhoods, tie.Pair.High)[tie.Pair.Low] = weight;
        }

        return neighbourhoods;
    }

    /// <summary>Every tie with its embeddedness set (batch: the rebuild, and the proof that the pass is right).</summary>
    public static IReadOnlyList<TieState> WithEmbeddedness(IReadOnlyCollection<TieState> ties, DateTimeOffset at, TieOptions options)
    {
        ArgumentNullException.ThrowIfNull(ties);
        ArgumentNullException.ThrowIfNull(options);
        var neighbourhoods = Neighbourhoods(ties, at, options);
        return [.. ties.Select(t => t.WithEmbeddedness(Embeddedness(t.Pair.Low, neighbourhoods[t.Pair.Low], t.Pair.High, neighbourhoods[t.Pair.High]), at, options))];
    }

    /// <summary>The ties whose embeddedness changes when <paramref name="changed"/>'s contact changes: the pair itself
    /// and, for every member tied to both, that member's ties to each of the two.</summary>
    public static IEnumerable<MemberPair> Affected(MemberPair changed, IReadOnlyDictionary<Guid, double> neighboursOfLow, IReadOnlyDictionary<Guid, double> neighboursOfHigh)
    {
        ArgumentNullException.ThrowIfNull(neighboursOfLow);
        ArgumentNullException.ThrowIfNull(neighboursOfHigh);
        yield return changed;
        foreach (var shared in neighboursOfLow.Keys)
        {
            if (shared != changed.High && neighboursOfHigh.ContainsKey(shared))
            {
                yield return MemberPair.Of(changed.Low, shared);
                yield return MemberPair.Of(changed.High, shared);
            }
        }
    }

    private static Neighbourhood Of(Dictionary<Guid, Neighbourhood> neighbourhoods, Guid member)
    {
        if (!neighbourhoods.TryGetValue(member, out var neighbourhood))
        {
            neighbourhood = [];
            neighbourhoods[member] = neighbourhood;
        }

        return neighbourhood;
    }
}
