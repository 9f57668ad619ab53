using BenchmarkDotNet.Attributes;
using CommunityHub.Domain.Ties;

namespace CommunityHub.Benchmarks;

/// <summary>The scorer's throughput: reading a tie, applying one event, recomputing a pair from 100 events,
/// and turning a post into tie events.</summary>
[MemoryDiagnoser]
public class ScorerBenchmarks
{
    private static readonly TieOptions Options = TieOptions.Default;
    private readonly TieScorer _scorer = new(Options);
    private readonly DateTimeOffset _now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private TieState _state = null!;
    private TieContribution _contribution = null!;
    private List<TieEvent> _events = null!;
    private MemberPair _pair;
    private PostFacts _post = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        var (a, b) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        _pair = MemberPair.Of(a, b);
        _events = [.. Enumerable.Range(0, 100).Select(i =>
        {
            var at = _now.AddHours(-random.Next(0, 24 * 365));
            var (from, to) = i % 2 == 0 ? (a, b) : (b, a);
            return (i % 5) switch
            {
                0 => TieEvent.DirectReply(from, to, at, random.Next(5, 300), i % 3 == 0),
                1 => TieEvent.Mention(from, to, at),
                2 => TieEvent.SharedThread(from, to, at, random.Next(2, 10)),
                3 => TieEvent.Thanks(from, to, at),
                _ => TieEvent.Helped(from, to, at),
            };
        })];
        _state = TieState.From(_events, Options);
        _contribution = TieContribution.Of(TieEvent.DirectReply(a, b, _now, 80, true), Options);
        _post = new PostFacts(a, _now, 120, b, a, [Guid.CreateVersion7()], [b, Guid.CreateVersion7(), Guid.CreateVersion7()], true);
    }

    [Benchmark(Description = "Score a stored tie now")]
    public TieScore Score() => _scorer.Score(_state, _now);

    [Benchmark(Description = "Apply one event (incremental update)")]
    public TieState Apply() => _state.Apply(_contribution, Options);

    [Benchmark(Description = "Recompute a pair from 100 events (batch)")]
    public TieScore Batch() => _scorer.ScoreFromEvents(_pair, _events, _now);

    [Benchmark(Description = "Derive a reply's tie events")]
    public IReadOnlyList<TieEvent> EventsOfAReply() => TieRules.ForPost(_post, Options);
}
