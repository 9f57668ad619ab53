using CommunityHub.Domain.Ties;

namespace CommunityHub.Domain.Tests.Ties;

/// <summary>The structural component: shared neighbours weighted by those ties' own contact, and its upkeep.</summary>
public sealed class TieStructureTests
{
    private const double Tolerance = 1e-9;
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TieOptions Options = TieOptions.Default with { StructureWeight = 0.2 };
    private static readonly Guid[] People = [.. Enumerable.Range(1, 8).Select(i => new Guid($"00000000-0000-7000-8000-00000000000{i}"))];

    [Fact]
    public void Embeddedness_sums_the_weaker_of_the_two_ties_to_each_shared_neighbour()
    {
        var (a, b, c, d) = (People[0], People[1], People[2], People[3]);
        var ofA = new Dictionary<Guid, double> { [b] = 5, [c] = 2, [d] = 1 };
        var ofB = new Dictionary<Guid, double> { [a] = 5, [c] = 3 };

        Assert.Equal(2, TieStructure.Embeddedness(a, ofA, b, ofB), Tolerance);
    }

    [Fact]
    public void Embeddedness_decays_exactly_like_the_contact_it_is_made_of()
    {
        var states = RandomTies(new Random(1), 40);
        var later = Start.AddDays(500);

        var atOnce = TieStructure.WithEmbeddedness(states, Start.AddDays(300), Options).ToDictionary(s => s.Pair);
        var afterwards = TieStructure.WithEmbeddedness(states, later, Options).ToDictionary(s => s.Pair);

        foreach (var (pair, state) in atOnce)
        {
            var scorer = new TieScorer(Options);
            Assert.Equal(scorer.Score(afterwards[pair], later).Structure, scorer.Score(state, later).Structure, Tolerance);
        }
    }

    [Fact]
    public void Recomputing_only_the_ties_a_change_affects_equals_recomputing_every_tie()
    {
        var random = new Random(2);
        var states = RandomTies(random, 30).ToDictionary(s => s.Pair);
        var at = Start.AddDays(400);
        var stored = TieStructure.WithEmbeddedness(states.Values, at, Options).ToDictionary(s => s.Pair);

        for (var change = 0; change < 50; change++)
        {
            // One more reply between two random people: the pair's contact changes (or the pair is new).
            var (from, to) = TwoOf(random);
            var reply = TieEvent.DirectReply(from, to, Start.AddDays(random.Next(0, 400)), random.Next(1, 300), isTurn: false);
            var contribution = TieContribution.Of(reply, Options);
            var pair = reply.Pair;
            states[pair] = states.TryGetValue(pair, out var s) ? s.Apply(contribution, Options) : TieState.Start(contribution);
            stored[pair] = stored.TryGetValue(pair, out var t) ? t.Apply(contribution, Options) : TieState.Start(contribution);

            // The pass: neighbourhoods now, the affected ties recomputed.
            var neighbourhoods = TieStructure.Neighbourhoods(stored.Values, at, Options);
            foreach (var affected in TieStructure.Affected(pair, neighbourhoods[pair.Low], neighbourhoods[pair.High]).ToList())
            {
                var e = TieStructure.Embeddedness(affected.Low, neighbourhoods[affected.Low], affected.High, neighbourhoods[affected.High]);
                stored[affected] = stored[affected].WithEmbeddedness(e, at, Options);
            }
        }

        var batch = TieStructure.WithEmbeddedness(states.Values, at, Options).ToDictionary(s => s.Pair);
        var scorer = new TieScorer(Options);
        foreach (var (pair, state) in batch)
        {
            Assert.Equal(scorer.Score(state, at).Structure, scorer.Score(stored[pair], at).Structure, Tolerance);
            Assert.Equal(scorer.Score(state, at).Strength, scorer.Score(stored[pair], at).Strength, Tolerance);
        }
    }

    [Fact]
    public void Two_members_with_strong_ties_to_the_same_people_score_higher_than_the_same_exchange_without_them()
    {
        var (a, b) = (People[0], People[1]);
        var exchange = new[] { TieEvent.DirectReply(a, b, Start, 40, false), TieEvent.DirectReply(b, a, Start, 40, true) };
        var circle = People.Skip(2).SelectMany(c => new[] { TieEvent.DirectReply(a, c, Start, 80, false), TieEvent.DirectReply(c, b, Start, 80, false) });

        var alone = Scores([.. exchange]);
        var inACircle = Scores([.. exchange, .. circle]);

        Assert.Equal(0, alone[MemberPair.Of(a, b)].Structure);
        Assert.True(inACircle[MemberPair.Of(a, b)].Structure > 0.5);
        Assert.True(inACircle[MemberPair.Of(a, b)].Strength > alone[MemberPair.Of(a, b)].Strength);

        static Dictionary<MemberPair, TieScore> Scores(TieEvent[] events)
        {
            var states = events.GroupBy(e => e.Pair).Select(g => TieState.From(g, Options)).ToList();
            var scorer = new TieScorer(Options);
            return TieStructure.WithEmbeddedness(states, Start, Options).ToDictionary(s => s.Pair, s => scorer.Score(s, Start));
        }
    }

    [Fact]
    public void The_weeks_in_touch_do_not_depend_on_the_order_events_arrive_in()
    {
        var random = new Random(3);
        for (var run = 0; run < 100; run++)
        {
            var weeks = Enumerable.Range(0, 30).Select(_ => random.Next(0, 120)).ToList();
            var inOrder = weeks.Order().Aggregate((Bits: 0L, Latest: 0), (m, w) => ContactWeeks.With(m.Bits, m.Latest, w));
            var shuffled = weeks.OrderBy(_ => random.Next()).Aggregate((Bits: 0L, Latest: 0), (m, w) => ContactWeeks.With(m.Bits, m.Latest, w));

            Assert.Equal(inOrder, shuffled);
            Assert.Equal(weeks.Distinct().Count(w => w > weeks.Max() - 64), ContactWeeks.Count(inOrder.Bits));
        }
    }

    [Fact]
    public void Several_replies_in_one_week_count_one_week_in_touch()
    {
        var (a, b) = (People[0], People[1]);
        var state = TieState.From([TieEvent.DirectReply(a, b, Start, 10, false), TieEvent.DirectReply(b, a, Start.AddHours(5), 10, true), TieEvent.Mention(a, b, Start.AddHours(6))], Options);
        var spread = TieState.From([TieEvent.DirectReply(a, b, Start, 10, false), TieEvent.DirectReply(b, a, Start.AddDays(7), 10, true), TieEvent.Mention(a, b, Start.AddDays(14))], Options);

        Assert.Equal(1, ContactWeeks.Count(state.ActiveWeeks));
        Assert.Equal(3, ContactWeeks.Count(spread.ActiveWeeks));
    }

    private static (Guid, Guid) TwoOf(Random random)
    {
        var from = People[random.Next(People.Length)];
        Guid to;
        do
        {
            to = People[random.Next(People.Length)];
        }
        while (to == from);
        return (from, to);
    }

    private static List<TieState> RandomTies(Random random, int events)
    {
        var states = new Dictionary<MemberPair, TieState>();
        for (var i = 0; i < events; i++)
        {
            var (from, to) = TwoOf(random);
            var e = TieEvent.DirectReply(from, to, Start.AddDays(random.Next(0, 300)), random.Next(1, 300), random.Next(2) == 0);
            var c = TieContribution.Of(e, Options);
            states[e.Pair] = states.TryGetValue(e.Pair, out var s) ? s.Apply(c, Options) : TieState.Start(c);
        }

        return [.. states.Values];
    }
}
