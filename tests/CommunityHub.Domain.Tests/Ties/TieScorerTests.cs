using CommunityHub.Domain.Ties;

namespace CommunityHub.Domain.Tests.Ties;

/// <summary>The properties DESIGN.md's tie-strength contract asks to pin, and the literature's direction of effects.</summary>
public sealed class TieScorerTests
{
    private const double Tolerance = 1e-9;
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Ann = new("00000000-0000-7000-8000-000000000001");
    private static readonly Guid Ben = new("00000000-0000-7000-8000-000000000002");
    private static readonly TieOptions Options = TieOptions.Default;
    private static readonly TieScorer Scorer = new(Options);

    private static TieScore Score(DateTimeOffset now, params TieEvent[] events) => Scorer.Score(TieState.From(events, Options), now);

    private static TieEvent Reply(Guid from, Guid to, double day, int words = 40, bool turn = false) =>
        TieEvent.DirectReply(from, to, Start.AddDays(day), words, turn);

    [Fact]
    public void Every_component_and_the_strength_stay_between_zero_and_one()
    {
        var events = RandomStream(new Random(1), 500, retractions: false);

        var score = Score(Start.AddDays(400), [.. events]);

        foreach (var value in new[] { score.Time, score.Intensity, score.Intimacy, score.Services, score.Strength })
        {
            Assert.InRange(value, 0, 1);
        }
    }

    [Fact]
    public void The_score_is_symmetric_whoever_did_what()
    {
        var random = new Random(2);
        for (var run = 0; run < 50; run++)
        {
            var events = RandomStream(random, 40, retractions: true);
            var mirrored = events.Select(e => e with { From = e.To, To = e.From }).ToList();
            var now = Start.AddDays(200);

            var forward = Score(now, [.. events]);
            var backward = Score(now, [.. mirrored]);

            AssertClose(forward, backward);
        }
    }

    [Fact]
    public void One_half_life_without_events_halves_every_accumulator()
    {
        var state = TieState.From(RandomStream(new Random(3), 60, retractions: false), Options);
        var now = state.AsOf;

        // Decaying to "now + H" must give the accumulators halved: checked through the scorer by
        // building the halved state by hand and comparing the components one at a time.
        AssertHalved(state, now, Options.TimeHalfLife, s => s with { Contact = s.Contact / 2 }, score => score.Time, onlyContact: true);
        AssertHalved(state, now, Options.EmotionHalfLife, s => s with { Intensity = s.Intensity / 2 }, score => score.Intensity);
        AssertHalved(state, now, Options.IntimacyHalfLife, s => s with { ConfidingLowToHigh = s.ConfidingLowToHigh / 2, ConfidingHighToLow = s.ConfidingHighToLow / 2 }, score => score.Intimacy);
        AssertHalved(state, now, Options.ServicesHalfLife, s => s with { ServiceLowToHigh = s.ServiceLowToHigh / 2, ServiceHighToLow = s.ServiceHighToLow / 2 }, score => score.Services);
    }

    private static void AssertHalved(TieState state, DateTimeOffset now, TimeSpan halfLife, Func<TieState, TieState> halve, Func<TieScore, double> component, bool onlyContact = false)
    {
        var later = Scorer.Score(state, now + halfLife);
        var byHand = Scorer.Score(halve(state) with { AsOf = now + halfLife }, now + halfLife);
        if (onlyContact)
        {
            // Time also has the duration part, which decays on its own recency scale: compare the contact part.
            var recency = Math.Pow(2, -((now + halfLife - state.LastAt).TotalDays / Options.RecencyHalfLifeDays));
            var span = Decay.Saturate((state.LastAt - state.FirstAt).TotalDays, Options.SpanSaturationDays);
            var contactPart = later.Time - ((1 - Options.TimeContactShare) * span * recency);
            // Counted in words and weeks, half of the contact part is the weeks in touch, each decayed on its own.
            var weeks = Decay.Saturate(ContactWeeks.Decayed(state.ActiveWeeks, state.LatestWeek, now + halfLife, Options.TimeHalfLife), Options.WeeksSaturation);
            var expected = Options.Volume == ContactVolume.WordsAndWeeks
                ? (0.5 * Decay.Saturate(state.Contact / 2, Options.TimeSaturation)) + (0.5 * weeks)
                : Decay.Saturate(state.Contact / 2, Options.TimeSaturation);
            Assert.Equal(Options.TimeContactShare * expected, contactPart, Tolerance);
            return;
        }

        Assert.Equal(component(byHand), component(later), Tolerance);
    }

    [Fact]
    public void Counted_in_words_and_weeks_one_half_life_halves_the_contact_accumulator_too()
    {
        var options = Options with { Volume = ContactVolume.WordsAndWeeks };
        var scorer = new TieScorer(options);
        var state = TieState.From(RandomStream(new Random(31), 60, retractions: false), options);
        var later = state.AsOf + options.TimeHalfLife;

        var recency = Math.Pow(2, -((later - state.LastAt).TotalDays / options.RecencyHalfLifeDays));
        var span = Decay.Saturate((state.LastAt - state.FirstAt).TotalDays, options.SpanSaturationDays);
        var contactPart = scorer.Score(state, later).Time - ((1 - options.TimeContactShare) * span * recency);
        var weeks = Decay.Saturate(ContactWeeks.Decayed(state.ActiveWeeks, state.LatestWeek, later, options.TimeHalfLife), options.WeeksSaturation);

        Assert.Equal(options.TimeContactShare * ((0.5 * Decay.Saturate(state.Contact / 2, options.TimeSaturation)) + (0.5 * weeks)), contactPart, Tolerance);
    }

    [Fact]
    public void With_a_single_event_a_component_halves_its_input_after_one_half_life()
    {
        // With a linear view of a component (its saturation inverted), one half-life halves it exactly.
        var thanks = TieEvent.Thanks(Ann, Ben, Start);
        var atOnce = Score(Start, thanks).Intensity;
        var later = Score(Start + Options.EmotionHalfLife, thanks).Intensity;

        Assert.Equal(Inverse(atOnce, Options.EmotionSaturation) / 2, Inverse(later, Options.EmotionSaturation), Tolerance);

        static double Inverse(double saturated, double k) => -k * Math.Log2(1 - saturated);
    }

    [Fact]
    public void Incremental_equals_batch_recomputation_on_random_and_shuffled_streams()
    {
        var random = new Random(4);
        for (var run = 0; run < 200; run++)
        {
            var events = RandomStream(random, random.Next(1, 60), retractions: true);
            var now = Start.AddDays(700 + random.Next(0, 720)); // reading happens after the events
            var pair = MemberPair.Of(Ann, Ben);

            var batch = Scorer.ScoreFromEvents(pair, events, now);
            var incremental = Scorer.Score(TieState.From(events, Options), now);
            var shuffled = Scorer.Score(TieState.From(ShuffleKeepingRetractionsAfterTheirEvent(events, random), Options), now);

            AssertClose(batch, incremental);
            AssertClose(batch, shuffled);
        }
    }

    [Fact]
    public void Adding_an_event_never_lowers_the_accumulators_time_or_intensity()
    {
        var random = new Random(5);
        for (var run = 0; run < 200; run++)
        {
            var events = RandomStream(random, random.Next(1, 30), retractions: false);
            var extra = RandomEvent(random);
            var now = Start.AddDays(800);

            var before = Score(now, [.. events]);
            var after = Score(now, [.. events, extra]);

            Assert.True(after.Time >= before.Time - Tolerance, $"time fell adding {extra}");
            Assert.True(after.Intensity >= before.Intensity - Tolerance, $"intensity fell adding {extra}");
        }
    }

    [Fact]
    public void Adding_an_exchange_in_both_directions_never_lowers_any_component_or_the_strength()
    {
        var random = new Random(6);
        for (var run = 0; run < 200; run++)
        {
            var events = RandomStream(random, random.Next(1, 30), retractions: false);
            var extra = RandomEvent(random);
            var answer = extra with { From = extra.To, To = extra.From };
            var now = Start.AddDays(800);

            var before = Score(now, [.. events]);
            var after = Score(now, [.. events, extra, answer]);

            Assert.True(after.Time >= before.Time - Tolerance);
            Assert.True(after.Intensity >= before.Intensity - Tolerance);
            Assert.True(after.Intimacy >= before.Intimacy - Tolerance);
            Assert.True(after.Services >= before.Services - Tolerance);
            Assert.True(after.Strength >= before.Strength - Tolerance);
        }
    }

    [Fact]
    public void Confiding_more_in_one_direction_only_can_lower_intimacy_because_confiding_is_mutual()
    {
        // The contract's balance factor rewards mutual confiding: a third one-way mention outweighs the
        // growth of the total. Pinned so that anyone changing it does so knowingly.
        var balanced = new[] { TieEvent.Mention(Ann, Ben, Start), TieEvent.Mention(Ben, Ann, Start) };

        var before = Score(Start, balanced).Intimacy;
        var after = Score(Start, [.. balanced, TieEvent.Mention(Ann, Ben, Start)]).Intimacy;

        Assert.True(after < before);
    }

    [Fact]
    public void Balanced_services_score_balance_one_and_one_way_services_balance_zero()
    {
        var oneWay = Score(Start, TieEvent.Helped(Ann, Ben, Start), TieEvent.Helped(Ann, Ben, Start));
        var balanced = Score(Start, TieEvent.Helped(Ann, Ben, Start), TieEvent.Helped(Ben, Ann, Start));

        // Same total service (4): S = sat(4; k_S)·(0.5 + 0.5·bal).
        var saturated = Decay.Saturate(4, Options.ServicesSaturation);
        Assert.Equal(saturated * 0.5, oneWay.Services, Tolerance);
        Assert.Equal(saturated * 1.0, balanced.Services, Tolerance);
        Assert.Equal(0, Decay.Balance(4, 0));
        Assert.Equal(1, Decay.Balance(2.5, 2.5));
        Assert.Equal(0, Decay.Balance(0, 0));
    }

    [Fact]
    public void A_pair_that_only_shared_threads_is_capped()
    {
        var shared = Enumerable.Range(0, 200).Select(day => TieEvent.SharedThread(Ann, Ben, Start.AddDays(day), participants: 2)).ToArray();

        var score = Score(Start.AddDays(200), shared);

        Assert.True(score.Time > 0.5, "plenty of time together");
        Assert.Equal(Options.SharedThreadsOnlyCap, score.Strength, Tolerance);
    }

    [Fact]
    public void One_direct_exchange_moves_the_score_far_more_than_more_shared_threads()
    {
        var shared = Enumerable.Range(0, 5).Select(day => TieEvent.SharedThread(Ann, Ben, Start.AddDays(day), participants: 4)).ToList();
        var now = Start.AddDays(5);
        var baseline = Score(now, [.. shared]).Strength;

        var moreShared = Score(now, [.. shared, .. shared.Select(e => e with { At = e.At.AddHours(1) })]).Strength;
        var oneExchange = Score(now, [.. shared, Reply(Ann, Ben, 5), Reply(Ben, Ann, 5, turn: true)]).Strength;

        Assert.True(oneExchange - baseline > 3 * (moreShared - baseline), $"exchange +{oneExchange - baseline}, shared +{moreShared - baseline}");
    }

    [Fact]
    public void A_more_recent_last_contact_scores_higher()
    {
        var now = Start.AddDays(365);

        var recent = Score(now, Reply(Ann, Ben, 300), Reply(Ben, Ann, 300, turn: true));
        var old = Score(now, Reply(Ann, Ben, 10), Reply(Ben, Ann, 10, turn: true));

        Assert.True(recent.Strength > old.Strength);
        Assert.True(recent.Time > old.Time);
    }

    [Fact]
    public void A_longer_lasting_tie_scores_higher()
    {
        var now = Start.AddDays(400);

        // The same exchange, its last contact equally recent; one began a year earlier.
        var lasting = Score(now, Reply(Ann, Ben, 0, words: 0), Reply(Ben, Ann, 390, words: 0));
        var brief = Score(now, Reply(Ann, Ben, 389.9, words: 0), Reply(Ben, Ann, 390, words: 0));

        Assert.True(lasting.Time > brief.Time);
        Assert.True(lasting.Strength > brief.Strength);
    }

    [Fact]
    public void More_words_exchanged_score_higher()
    {
        var terse = Score(Start, Reply(Ann, Ben, 0, words: 5), Reply(Ben, Ann, 0, words: 5));
        var wordy = Score(Start, Reply(Ann, Ben, 0, words: 300), Reply(Ben, Ann, 0, words: 300));

        Assert.True(wordy.Intensity > terse.Intensity);
        Assert.True(wordy.Strength > terse.Strength);
    }

    [Fact]
    public void Taking_help_back_returns_the_tie_to_what_it_was()
    {
        var reply = Reply(Ann, Ben, 0);
        var helped = TieEvent.Helped(Ben, Ann, Start.AddDays(1));
        var now = Start.AddDays(30);

        var without = Score(now, reply);
        var withHelp = Score(now, reply, helped);
        var takenBack = Scorer.Score(TieState.From([reply, helped], Options).Apply(TieContribution.Of(helped.Retracted(), Options), Options), now);

        Assert.True(withHelp.Services > 0);
        Assert.Equal(0, takenBack.Services, Tolerance);
        Assert.Equal(without.Intensity, takenBack.Intensity, Tolerance);
        Assert.Equal(without.Intimacy, takenBack.Intimacy, Tolerance);
        // The moment of the interaction stays part of the pair's history (first and last contact).
        Assert.True(takenBack.Time >= without.Time);
    }

    [Fact]
    public void By_the_contracts_first_reading_a_tie_is_strong_only_at_or_above_the_members_mean_and_above_the_floor()
    {
        var contract = new TieScorer(TieOptions.Contract);
        Assert.True(contract.IsStrong(0.5, new TieRank(9, 10, MeanStrength: 0.3)));
        Assert.True(contract.IsStrong(0.5, new TieRank(1, 1, MeanStrength: 0.5))); // a member's only tie
        Assert.False(contract.IsStrong(0.5, new TieRank(1, 10, MeanStrength: 0.6)));
        Assert.False(contract.IsStrong(0.2, new TieRank(1, 10, MeanStrength: 0.1)));
    }

    [Fact]
    public void A_tie_is_strong_when_it_is_among_the_members_five_strongest_and_above_the_floor()
    {
        var strengths = new[] { 0.9, 0.8, 0.7, 0.6, 0.5, 0.5, 0.45, 0.3, 0.2 };

        var flags = Scorer.StrongFlags(strengths);

        // Equal ties share a rank, so the two at 0.5 are both fifth; 0.2 is under the floor whatever its rank.
        Assert.Equal([true, true, true, true, true, true, false, false, false], flags);
        Assert.False(Scorer.IsStrong(0.2, new TieRank(1, 1, 0.2)));
        Assert.True(Scorer.IsStrong(0.3, new TieRank(1, 1, 0.3)));
    }

    private static void AssertClose(TieScore expected, TieScore actual)
    {
        Assert.True(Math.Abs(expected.Time - actual.Time) < Tolerance, $"{expected} vs {actual}");
        Assert.Equal(expected.Time, actual.Time, Tolerance);
        Assert.Equal(expected.Intensity, actual.Intensity, Tolerance);
        Assert.Equal(expected.Intimacy, actual.Intimacy, Tolerance);
        Assert.Equal(expected.Services, actual.Services, Tolerance);
        Assert.Equal(expected.Strength, actual.Strength, Tolerance);
    }

    private static TieEvent RandomEvent(Random random)
    {
        var (from, to) = random.Next(2) == 0 ? (Ann, Ben) : (Ben, Ann);
        var at = Start.AddHours(random.Next(0, 24 * 700));
        return random.Next(7) switch
        {
            0 => TieEvent.DirectReply(from, to, at, random.Next(0, 400), random.Next(2) == 0),
            1 => TieEvent.Mention(from, to, at),
            2 => TieEvent.SharedThread(from, to, at, random.Next(2, 11)),
            3 => TieEvent.Reaction(from, to, at),
            4 => TieEvent.Thanks(from, to, at),
            5 => TieEvent.Helped(from, to, at),
            _ => TieEvent.AcceptedAnswer(from, to, at),
        };
    }

    /// <summary>Random events; with <paramref name="retractions"/>, some later taken back (after the event, as in life).</summary>
    private static List<TieEvent> RandomStream(Random random, int count, bool retractions)
    {
        var events = new List<TieEvent>();
        for (var i = 0; i < count; i++)
        {
            var e = RandomEvent(random);
            events.Add(e);
            if (retractions && e.Kind is TieEventKind.Helped or TieEventKind.AcceptedAnswer or TieEventKind.Reaction && random.Next(3) == 0)
            {
                events.Add(e.Retracted());
            }
        }

        return events;
    }

    private static List<TieEvent> ShuffleKeepingRetractionsAfterTheirEvent(List<TieEvent> events, Random random)
    {
        var originals = events.Where(e => !e.IsRetraction).OrderBy(_ => random.Next()).ToList();
        var result = new List<TieEvent>(originals);
        foreach (var retraction in events.Where(e => e.IsRetraction))
        {
            var original = result.FindIndex(e => !e.IsRetraction && e == retraction with { IsRetraction = false });
            result.Insert(random.Next(original + 1, result.Count + 1), retraction);
        }

        return result;
    }
}
