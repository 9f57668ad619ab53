using System.Text.RegularExpressions;

namespace CommunityHub.Domain.Safety;

/// <summary>What the spam check knows about a post about to be written.</summary>
/// <param name="AccountAge">Time since the author joined.</param>
/// <param name="IsFirstPost">The author never posted before: then <paramref name="AccountAge"/> is registration-to-first-post time.</param>
/// <param name="DuplicateThreads">Other threads where the same author posted exactly this body.</param>
/// <param name="CountedLinks">The links that count (not to a site the admins allowed); null to count every link in the body.</param>
public sealed record SpamSample(string Body, TimeSpan AccountAge, bool IsFirstPost, int DuplicateThreads, int? CountedLinks = null);

/// <summary>One reason the scorer counted against a post, with its weight, for moderators to read.</summary>
public sealed record SpamSignal(string Reason, int Points);

/// <summary>The spam check's verdict: a score, the reasons behind it, and whether it is high enough to hold the post.</summary>
public sealed record SpamVerdict(int Score, IReadOnlyList<SpamSignal> Signals, bool Suspicious)
{
    public static SpamVerdict Clean { get; } = new(0, [], false);

    /// <summary>An outside service is sure enough (Akismet's "discard") that the post is refused, not held.</summary>
    public bool Refused { get; init; }

    public string Explain() => string.Join("; ", Signals.Select(s => $"{s.Reason} (+{s.Points})"));
}

/// <summary>The local, explainable spam scorer: a few signals, each with a weight and a sentence a moderator reads
/// (link density, a brand-new account, a body posted in other threads, a first post seconds after registering).
/// No external service, no learning: the same post always scores the same.</summary>
public static partial class SpamScorer
{
    /// <summary>The score at which a post is held for a moderator.</summary>
    public const int HoldAt = 50;

    public static SpamVerdict Score(SpamSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var signals = new List<SpamSignal>();
        var links = sample.CountedLinks ?? Links.Count(sample.Body);
        var words = Math.Max(1, WordPattern().Count(sample.Body));
        if (links >= 3 && links * 10 >= words)
        {
            signals.Add(new SpamSignal($"{links} links in {words} words", 40));
        }
        else if (links >= 5)
        {
            signals.Add(new SpamSignal($"{links} links in one post", 25));
        }

        if (sample.AccountAge < TimeSpan.FromHours(1))
        {
            signals.Add(new SpamSignal("an account less than an hour old", 15));
        }

        if (sample.IsFirstPost && sample.AccountAge < TimeSpan.FromMinutes(2))
        {
            signals.Add(new SpamSignal($"first post {Math.Max(0, (int)sample.AccountAge.TotalSeconds)} seconds after registering", 20));
        }

        if (sample.DuplicateThreads > 0)
        {
            signals.Add(new SpamSignal($"the same text posted in {sample.DuplicateThreads} other thread{(sample.DuplicateThreads == 1 ? "" : "s")}", sample.DuplicateThreads >= 2 ? 50 : 35));
        }

        var score = signals.Sum(s => s.Points);
        return new SpamVerdict(score, signals, score >= HoldAt);
    }

    [GeneratedRegex(@"\w+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WordPattern();
}
