namespace CommunityHub.Domain.Ties.Routing;

/// <summary>How the tie between the asker and a possible helper counts in the suggestion. Granovetter (1973) and
/// Levin &amp; Cross (2004): weak ties bridge to knowledge one's own circle lacks; strong ties make help likelier
/// (Krackhardt 1992; Constant, Sproull &amp; Kiesler 1996 on help between weakly tied strangers).</summary>
public enum TieTerm
{
    /// <summary>No tie term.</summary>
    None,

    /// <summary>Those weakly tied (or not tied) to the asker rank higher.</summary>
    Weak,

    /// <summary>Those strongly tied to the asker rank higher.</summary>
    Strong,
}

/// <summary>What is known about a member who might help with a thread.</summary>
/// <param name="Similarity">Σ of full-text rank between the thread and the threads where their help was confirmed.</param>
/// <param name="HelpInSpace">Confirmed help in the thread's space.</param>
/// <param name="DaysSinceHelp">Days since their latest confirmed help.</param>
/// <param name="ActiveRecently">They posted in the last two weeks (available).</param>
/// <param name="TieStrength">Their tie to the asker now (0 when none).</param>
public sealed record HelpCandidate(Guid MemberId, double Similarity, int HelpInSpace, double DaysSinceHelp, bool ActiveRecently, double TieStrength);

public static class HelpRouting
{
    /// <summary>The weight of the tie term against the rest (which is at most one).</summary>
    public const double TieWeight = 0.25;

    /// <summary>Relevance (what they helped with: 70% text similarity, 30% the same space) × recency (half-life 90
    /// days) × availability (half for someone not seen in two weeks), plus the tie term.</summary>
    public static double Score(HelpCandidate candidate, TieTerm term)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var relevance = (0.7 * Decay.Saturate(candidate.Similarity, 0.1)) + (0.3 * Decay.Saturate(candidate.HelpInSpace, 2));
        var recency = Math.Pow(2, -Math.Max(0, candidate.DaysSinceHelp) / 90);
        var availability = candidate.ActiveRecently ? 1 : 0.5;
        var tie = term switch
        {
            TieTerm.Weak => 1 - candidate.TieStrength,
            TieTerm.Strong => candidate.TieStrength,
            _ => 0,
        };
        return (relevance * recency * availability) + (TieWeight * tie);
    }

    public static IReadOnlyList<HelpCandidate> Rank(IEnumerable<HelpCandidate> candidates, TieTerm term) =>
        [.. candidates.OrderByDescending(c => Score(c, term)).ThenBy(c => c.MemberId)];
}
