namespace CommunityHub.Domain.Ties;

/// <summary>A pair's decayed accumulators, all valued at <see cref="AsOf"/>, plus the first and last time the
/// two interacted. This is the stored row: an event updates it in O(1) (<see cref="Apply"/>) and in any
/// order, and reading decays it to now (<see cref="TieScorer"/>).</summary>
public sealed record TieState(
    MemberPair Pair,
    DateTimeOffset AsOf,
    DateTimeOffset FirstAt,
    DateTimeOffset LastAt,
    bool HasDirect,
    double Contact,
    double Intensity,
    double ConfidingLowToHigh,
    double ConfidingHighToLow,
    double ServiceLowToHigh,
    double ServiceHighToLow)
{
    /// <summary>The structural component's input, valued at <see cref="AsOf"/> like the accumulators: Σ over the
    /// pair's shared neighbours of the weaker of the two contact counts. It decays with the contact half-life
    /// (min(a·f, b·f) = f·min(a, b)), and the store's structure pass sets it when a neighbouring tie changes
    /// (<see cref="TieStructure"/>); events on the pair itself leave it as it is.</summary>
    public double Embeddedness { get; init; }

    /// <summary>The weeks in touch (<see cref="ContactWeeks"/>), bit 0 being <see cref="LatestWeek"/>.</summary>
    public long ActiveWeeks { get; init; }

    public int LatestWeek { get; init; }

    /// <summary>The embeddedness as of <paramref name="at"/>, stored valued at <see cref="AsOf"/> (exact: it decays exponentially).</summary>
    public TieState WithEmbeddedness(double embeddedness, DateTimeOffset at, TieOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = embeddedness <= 0 ? 0 : embeddedness * Math.Pow(2, (at - AsOf) / options.TimeHalfLife);
        return this with { Embeddedness = value };
    }

    /// <summary>A pair's first event: the row the store inserts.</summary>
    public static TieState Start(TieContribution c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var (weeks, latest) = c.SetsContactWeek ? ContactWeeks.With(0, 0, ContactWeeks.WeekOf(c.At)) : (0L, 0);
        return new TieState(
            c.Pair,
            c.At,
            c.At,
            c.At,
            c.IsDirect && !c.IsRetraction,
            Math.Max(0, c.Contact),
            Math.Max(0, c.Intensity),
            Math.Max(0, c.ConfidingLowToHigh),
            Math.Max(0, c.ConfidingHighToLow),
            Math.Max(0, c.ServiceLowToHigh),
            Math.Max(0, c.ServiceHighToLow))
        {
            ActiveWeeks = weeks,
            LatestWeek = latest,
        };
    }

    /// <summary><c>acc ← acc·2^(−Δt/H) + w</c>, generalised so that an event older than <see cref="AsOf"/> is
    /// decayed by its own age instead: the result does not depend on the order events arrive in.</summary>
    public TieState Apply(TieContribution c, TieOptions options)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(options);
        if (c.Pair != Pair)
        {
            throw new ArgumentException("The contribution belongs to another pair.", nameof(c));
        }

        var asOf = c.At > AsOf ? c.At : AsOf;
        var stateAge = asOf - AsOf;
        var eventAge = asOf - c.At;
        var (weeks, latest) = c.SetsContactWeek ? ContactWeeks.With(ActiveWeeks, LatestWeek, ContactWeeks.WeekOf(c.At)) : (ActiveWeeks, LatestWeek);
        return this with
        {
            ActiveWeeks = weeks,
            LatestWeek = latest,
            Embeddedness = Embeddedness * Decay.Factor(stateAge, options.TimeHalfLife),
            AsOf = asOf,
            FirstAt = !c.IsRetraction && c.At < FirstAt ? c.At : FirstAt,
            LastAt = !c.IsRetraction && c.At > LastAt ? c.At : LastAt,
            HasDirect = HasDirect || (c.IsDirect && !c.IsRetraction),
            Contact = Next(Contact, c.Contact, stateAge, eventAge, options.TimeHalfLife),
            Intensity = Next(Intensity, c.Intensity, stateAge, eventAge, options.EmotionHalfLife),
            ConfidingLowToHigh = Next(ConfidingLowToHigh, c.ConfidingLowToHigh, stateAge, eventAge, options.IntimacyHalfLife),
            ConfidingHighToLow = Next(ConfidingHighToLow, c.ConfidingHighToLow, stateAge, eventAge, options.IntimacyHalfLife),
            ServiceLowToHigh = Next(ServiceLowToHigh, c.ServiceLowToHigh, stateAge, eventAge, options.ServicesHalfLife),
            ServiceHighToLow = Next(ServiceHighToLow, c.ServiceHighToLow, stateAge, eventAge, options.ServicesHalfLife),
        };
    }

    /// <summary>Folds events into a fresh state, in the order given.</summary>
    public static TieState From(IEnumerable<TieEvent> events, TieOptions options)
    {
        ArgumentNullException.ThrowIfNull(events);
        TieState? state = null;
        foreach (var e in events)
        {
            var contribution = TieContribution.Of(e, options);
            state = state is null ? Start(contribution) : state.Apply(contribution, options);
        }

        return state ?? throw new ArgumentException("A tie needs at least one event.", nameof(events));
    }

    private static double Next(double accumulated, double weight, TimeSpan stateAge, TimeSpan eventAge, TimeSpan halfLife)
    {
        // A retraction may leave a rounding-sized negative: a tie never has less than nothing.
        var next = (accumulated * Decay.Factor(stateAge, halfLife)) + (weight * Decay.Factor(eventAge, halfLife));
        return next < 1e-12 ? 0 : next;
    }
}
