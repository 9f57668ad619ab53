namespace CommunityHub.Domain.Ties;

/// <summary>A tie's four components and its strength, each in [0, 1].</summary>
public sealed record TieScore(double Time, double Intensity, double Intimacy, double Services, double Strength)
{
    public static TieScore None { get; } = new(0, 0, 0, 0, 0);
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
        var time = (o.TimeContactShare * Decay.Saturate(contact, o.TimeSaturation))
            + ((1 - o.TimeContactShare) * Decay.Saturate(spanDays, o.SpanSaturationDays) * Math.Pow(2, -daysSinceLast / o.RecencyHalfLifeDays));
        var emotion = Decay.Saturate(intensity, o.EmotionSaturation);
        var intimacy = Decay.Saturate(confidingLh + confidingHl, o.IntimacySaturation) * (0.5 + (0.5 * Decay.Balance(confidingLh, confidingHl)));
        var services = Decay.Saturate(serviceLh + serviceHl, o.ServicesSaturation) * (0.5 + (0.5 * Decay.Balance(serviceLh, serviceHl)));

        var strength = (o.IntimacyWeight * intimacy) + (o.TimeWeight * time) + (o.ServicesWeight * services) + (o.EmotionWeight * emotion);
        if (!state.HasDirect)
        {
            strength = Math.Min(strength, o.SharedThreadsOnlyCap);
        }

        return new TieScore(time, emotion, intimacy, services, Math.Clamp(strength, 0, 1));
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
            if (!e.IsRetraction)
            {
                direct |= c.IsDirect;
                first = first is null || e.At < first ? e.At : first;
                last = last is null || e.At > last ? e.At : last;
            }
        }

        var firstAt = first ?? now;
        var state = new TieState(pair, now, firstAt, last ?? firstAt, direct, contact, intensity, cLh, cHl, sLh, sHl);
        return Score(state, now);
    }

    /// <summary>Strong for a member: at least that member's own mean tie strength and above the absolute
    /// floor. "At least" rather than "above": read strictly, a member's only tie (or several equally
    /// strong ones) could never be strong, however close.</summary>
    public bool IsStrong(double strength, double membersMeanStrength) =>
        strength >= membersMeanStrength - 1e-12 && strength > Options.StrongTieFloor;
}
