namespace CommunityHub.Domain.Ties;

/// <summary>The ladder a community climbs: from transactions to conversations, relationships and community.</summary>
public enum LadderStage
{
    /// <summary>Registered, read, or posted without any exchange.</summary>
    Transaction = 0,

    /// <summary>Exchanged replies with someone (each answered the other at least once).</summary>
    Conversation = 1,

    /// <summary>At least one strong tie.</summary>
    Relationship = 2,

    /// <summary>Several strong ties, with help both given and received.</summary>
    Community = 3,
}

/// <summary>What a member's stage depends on.</summary>
public sealed record LadderFacts(bool ExchangedReplies, int StrongTies, bool GaveHelp, bool ReceivedHelp);

public static class CommunityLadder
{
    /// <summary>"Several" strong ties.</summary>
    public const int CommunityStrongTies = 3;

    /// <summary>The highest stage a member has reached.</summary>
    public static LadderStage StageOf(LadderFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts switch
        {
            { StrongTies: >= CommunityStrongTies, GaveHelp: true, ReceivedHelp: true } => LadderStage.Community,
            { StrongTies: >= 1 } => LadderStage.Relationship,
            { ExchangedReplies: true } => LadderStage.Conversation,
            _ => LadderStage.Transaction,
        };
    }
}

/// <summary>One act of help: <see cref="Helper"/> helped <see cref="Helped"/> at <see cref="At"/>.</summary>
public sealed record HelpGiven(Guid Helper, Guid Helped, DateTimeOffset At);

public static class Reciprocation
{
    /// <summary>Of the help received whose window has closed (or that was returned already), the share that
    /// was returned: the helped member helped their helper within <paramref name="window"/> after. Null when
    /// there is nothing to judge yet.</summary>
    public static (int Judged, int Returned, double? Rate) Rate(IReadOnlyCollection<HelpGiven> help, TimeSpan window, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(help);
        var byPair = help.GroupBy(h => (h.Helper, h.Helped)).ToDictionary(g => g.Key, g => g.Select(h => h.At).Order().ToList());
        var (judged, returned) = (0, 0);
        foreach (var h in help)
        {
            var back = byPair.TryGetValue((h.Helped, h.Helper), out var times) && times.Exists(t => t >= h.At && t <= h.At + window);
            if (back)
            {
                judged++;
                returned++;
            }
            else if (h.At + window <= now)
            {
                judged++;
            }
        }

        return (judged, returned, judged == 0 ? null : (double)returned / judged);
    }
}
