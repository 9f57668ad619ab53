namespace CommunityHub.Domain.Ties;

/// <summary>A tie's four components and its strength, each in [0, 1].</summary>
public sealed record TieScore(double Time, double Intensity, double Intimacy, double Services, double Strength)
{
    public static TieScore None { get; } = new(0, 0, 0, 0, 0);

    /// <summary>The structural component: how far the two share a circle (docs/ties-model.md).</summary>
    public double Structure { get; init; }
}

/// <summary>Granovetter's four components, scored as DESIGN.md's contract states.</summary>
public sealed class TieScorer(TieOptions options)
{
    public TieOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>The pair's tie as of <paramref name="now"/>: the accumulators decayed to now, then saturated and combined.</summary>
    public TieScore Score(TieState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var o = Options;
        var age = now - state.AsOf;
        var contact = state.Contact * Decay.Factor(age, o.TimeHalfLife);
        var intensity = state.Intensity * Decay.Factor(age, o.EmotionHalfLife);
        var confidingFactor = Decay.Factor(age, o.IntimacyHalfLife);
        var confidingLh = state.ConfidingLowToHigh * confidingFactor;
        var confidingHl = state.ConfidingHighToLow * confidingFactor;
        var serviceFactor = Decay.Factor(age, o.ServicesHalfLife);
        var serviceLh = state.ServiceLowToHigh * serviceFactor;
        var serviceHl = state.ServiceHighToLow * serviceFactor;

        var spanDays = Math.Max(0, (state.LastAt - state.FirstAt).TotalDays);
        var daysSinceLast = Math.Max(0, (now - state.LastAt).TotalDays);
        var contactPart = o.Volume == ContactVolume.WordsAndWeeks
            ? (0.5 * Decay.Saturate(contact, o.TimeSaturation)) + (0.5 * Decay.Saturate(ContactWeeks.Decayed(state.ActiveWeeks, state.LatestWeek, now, o.TimeHalfLife), o.WeeksSaturation))
            : Decay.Saturate(contact, o.TimeSaturation);
        var time = (o.TimeContactShare * contactPart)
            + ((1 - o.TimeContactShare) * Decay.Saturate(spanDays, o.SpanSaturationDays) * Math.Pow(2, -daysSinceLast / o.RecencyHalfLifeDays));
        var emotion = Decay.Saturate(intensity, o.EmotionSaturation);
        var intimacy = Decay.Saturate(confidingLh + confidingHl, o.IntimacySaturation) * (0.5 + (0.5 * Decay.Balance(confidingLh, confidingHl)));
        var services = Decay.Saturate(serviceLh + serviceHl, o.ServicesSaturation) * (0.5 + (0.5 * Decay.Balance(serviceLh, serviceHl)));

        var structure = Decay.Saturate(state.Embeddedness * Decay.Factor(age, o.TimeHalfLife), o.StructureSaturation);

        // "A (probably linear) combination" (Granovetter 1973), normalised by the weights' sum so that
        // weights fitted by the calibration need not add up to one.
        var weights = o.IntimacyWeight + o.TimeWeight + o.ServicesWeight + o.EmotionWeight + o.StructureWeight;
        var strength = weights <= 0 ? 0
            : ((o.IntimacyWeight * intimacy) + (o.TimeWeight * time) + (o.ServicesWeight * services) + (o.EmotionWeight * emotion) + (o.StructureWeight * structure)) / weights;
        if (!state.HasDirect)
        {
            strength = Math.Min(strength, o.SharedThreadsOnlyCap);
        }

        return new TieScore(time, emotion, intimacy, services, Math.Clamp(strength, 0, 1)) { Structure = structure };
    }

    /// <summary>Batch recomputation straight from the events, without the incremental state: every
    /// accumulator is Σ w·2^(−age/H) at <paramref name="now"/>. Used to prove the incremental store right.</summary>
    public TieScore ScoreFromEvents(MemberPair pair, IReadOnlyCollection<TieEvent> events, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return TieScore.None;
        }

        double contact = 0, intensity = 0, cLh = 0, cHl = 0, sLh = 0, sHl = 0;
        var (weeks, latestWeek) = (0L, 0);
        var direct = false;
        DateTimeOffset? first = null, last = null;
        foreach (var e in events)
        {
            var c = TieContribution.Of(e, Options);
            var age = now - e.At;
            contact += c.Contact * Decay.Factor(age, Options.TimeHalfLife);
            intensity += c.Intensity * Decay.Factor(age, Options.EmotionHalfLife);
            cLh += c.ConfidingLowToHigh * Decay.Factor(age, Options.IntimacyHalfLife);
            cHl += c.ConfidingHighToLow * Decay.Factor(age, Options.IntimacyHalfLife);
            sLh += c.ServiceLowToHigh * Decay.Factor(age, Options.ServicesHalfLife);
            sHl += c.ServiceHighToLow * Decay.Factor(age, Options.ServicesHalfLife);
            if (c.SetsContactWeek)
            {
                (weeks, latestWeek) = ContactWeeks.With(weeks, latestWeek, ContactWeeks.WeekOf(e.At));
            }

            if (!e.IsRetraction)
            {
                direct |= c.IsDirect;
                first = first is null || e.At < first ? e.At : first;
                last = last is null || e.At > last ? e.At : last;
            }
        }

        var firstAt = first ?? now;
        var state = new TieState(pair, now, firstAt, last ?? firstAt, direct, contact, intensity, cLh, cHl, sLh, sHl) { ActiveWeeks = weeks, LatestWeek = latestWeek };
        return Score(state, now);
    }

    /// <summary>Strong for a member, by <see cref="TieOptions.StrongTieRule"/>: above the absolute floor, and either
    /// among the member's <see cref="TieOptions.StrongTiesPerMember"/> strongest ties (<paramref name="rank"/> is
    /// one more than the number of the member's ties that are strictly stronger, so equal ties share a rank) or,
    /// by the contract's first reading, at least the member's mean ("at least": read strictly, a member's only
    /// tie could never be strong).</summary>
    public bool IsStrong(double strength, TieRank rank)
    {
        ArgumentNullException.ThrowIfNull(rank);
        if (strength <= Options.StrongTieFloor)
        {
            return false;
        }

        return Options.StrongTieRule == StrongTieRule.AtLeastMembersMean
            ? strength >= rank.MeanStrength - 1e-12
            : rank.Position <= Options.StrongTiesPerMember;
    }

    /// <summary>For each of one member's ties (their strengths, in any order), whether it is strong for that member.</summary>
    public bool[] StrongFlags(IReadOnlyList<double> strengths)
    {
        ArgumentNullException.ThrowIfNull(strengths);
        var ranks = TieRank.Of(strengths);
        return [.. strengths.Select((s, i) => IsStrong(s, ranks[i]))];
    }
}

/// <summary>Where one tie stands among a member's ties: its rank (1 + how many are strictly stronger), how many
/// the member has, and their mean strength.</summary>
public sealed record TieRank(int Position, int Ties, double MeanStrength)
{
    /// <summary>The rank of each of one member's ties.</summary>
    public static TieRank[] Of(IReadOnlyList<double> strengths)
    {
        ArgumentNullException.ThrowIfNull(strengths);
        var mean = strengths.Count == 0 ? 0 : strengths.Average();
        var sorted = strengths.OrderDescending().ToArray();
        return [.. strengths.Select(s => new TieRank(1 + StrictlyAbove(sorted, s), strengths.Count, mean))];
    }

    /// <summary>The rank of a tie of <paramref name="strength"/> among the member's ties (given as a sequence).</summary>
    public static TieRank Among(double strength, IReadOnlyCollection<double> membersStrengths)
    {
        ArgumentNullException.ThrowIfNull(membersStrengths);
        return new TieRank(1 + membersStrengths.Count(s => s > strength + 1e-12), membersStrengths.Count, membersStrengths.Count == 0 ? 0 : membersStrengths.Average());
    }

    private static int StrictlyAbove(double[] descending, double value)
    {
        var count = 0;
        while (count < descending.Length && descending[count] > value + 1e-12)
        {
            count++;
        }

        return count;
    }
}
