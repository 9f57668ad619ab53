namespace CommunityHub.Domain.Ties;

/// <summary>What the time component counts as contact (docs/ties-model.md).</summary>
public enum ContactVolume
{
    /// <summary>The contract's first reading: one per direct reply, one half per mention, a share of each shared thread.</summary>
    Events,

    /// <summary>A direct reply counts by its words (log2(1 + words/W): a reply of W words counts one, a one-liner
    /// little), and half of the contact part is the number of calendar weeks in which the two were in touch.</summary>
    WordsAndWeeks,
}

/// <summary>When a tie counts as strong for a member.</summary>
public enum StrongTieRule
{
    /// <summary>The contract's first reading: at or above the member's own mean tie strength (and above the floor).</summary>
    AtLeastMembersMean,

    /// <summary>Among the member's <see cref="TieOptions.StrongTiesPerMember"/> strongest ties (and above the floor).</summary>
    AmongMembersStrongest,
}

/// <summary>Every constant of the tie-strength contract (DESIGN.md, "Tie strength") and of its measured
/// revision (docs/ties-model.md). A community may change them (section <c>Ties</c> in the settings), and the
/// calibration may replace the weights and the floor with ones fitted to its members' own ratings.</summary>
public sealed record TieOptions
{
    public const string SectionName = "Ties";

    public static TieOptions Default { get; } = new();

    /// <summary>Half-life of the time component's contact count (direct replies, mentions, shared threads).</summary>
    public TimeSpan TimeHalfLife { get; init; } = TimeSpan.FromDays(30);

    public TimeSpan EmotionHalfLife { get; init; } = TimeSpan.FromDays(60);

    public TimeSpan IntimacyHalfLife { get; init; } = TimeSpan.FromDays(90);

    public TimeSpan ServicesHalfLife { get; init; } = TimeSpan.FromDays(180);

    /// <summary>k_T: decayed contacts at which the contact part of time reaches one half.</summary>
    public double TimeSaturation { get; init; } = 3;

    public double EmotionSaturation { get; init; } = 4;

    public double IntimacySaturation { get; init; } = 2;

    public double ServicesSaturation { get; init; } = 3;

    /// <summary>Days from first to last interaction at which the duration part of time reaches one half.</summary>
    public double SpanSaturationDays { get; init; } = 180;

    /// <summary>Half-life, in days since the last interaction, of the duration part of time.</summary>
    public double RecencyHalfLifeDays { get; init; } = 180;

    /// <summary>Share of the time component from the decayed contact count; the rest comes from duration and recency.</summary>
    public double TimeContactShare { get; init; } = 0.7;

    public double IntimacyWeight { get; init; } = 0.30;

    public double TimeWeight { get; init; } = 0.25;

    public double ServicesWeight { get; init; } = 0.25;

    public double EmotionWeight { get; init; } = 0.20;

    /// <summary>Weight of the structural component (shared neighbours weighted by those ties' strength). Zero by
    /// default: on EIES it lowered the ego-centric rank correlation (docs/ties-model.md); the store keeps it
    /// current all the same, so that a calibration on a community's own ratings can give it weight.</summary>
    public double StructureWeight { get; init; }

    /// <summary>k_X: the embeddedness (Σ over shared neighbours of the weaker of the two contact counts) at which
    /// the structural component reaches one half.</summary>
    public double StructureSaturation { get; init; } = 3;

    /// <summary>What the time component's contact part counts.</summary>
    /// <summary>Events by default: counting words and weeks did not change the figures on EIES (which has neither
    /// texts nor dates, docs/ties-model.md), and a change is kept only where it improves them.</summary>
    public ContactVolume Volume { get; init; } = ContactVolume.Events;

    /// <summary>W: the words of a reply that count as one contact under <see cref="ContactVolume.WordsAndWeeks"/>.</summary>
    public double WordsPerContact { get; init; } = 50;

    /// <summary>k_W: decayed weeks in touch at which the weeks half of the contact part reaches one half.</summary>
    public double WeeksSaturation { get; init; } = 3;

    /// <summary>How "strong" is decided for a member.</summary>
    public StrongTieRule StrongTieRule { get; init; } = StrongTieRule.AmongMembersStrongest;

    /// <summary>How many of a member's ties can be strong under <see cref="StrongTieRule.AmongMembersStrongest"/>:
    /// five, the "support clique" of Dunbar's layers (Hill &amp; Dunbar 2003; Zhou et al. 2005).</summary>
    public int StrongTiesPerMember { get; init; } = 5;

    /// <summary>The contract as first written (DESIGN.md): event counts, no structure, strong at the member's mean.
    /// The evaluation reports it as "before".</summary>
    public static TieOptions Contract { get; } = new()
    {
        Volume = ContactVolume.Events,
        StructureWeight = 0,
        StrongTieRule = StrongTieRule.AtLeastMembersMean,
    };

    /// <summary>The most a pair can score that only ever shared threads, with no direct interaction.</summary>
    public double SharedThreadsOnlyCap { get; init; } = 0.2;

    /// <summary>A tie is strong for a member only above this, whatever the member's own mean.</summary>
    public double StrongTieFloor { get; init; } = 0.25;

    /// <summary>Shared-thread credit is given only in threads with at most this many participants:
    /// in a crowd, sharing a thread says little, and it would cost a write per pair.</summary>
    public int SharedThreadMaxParticipants { get; init; } = 10;

    /// <summary>Threads this small count as co-participation for intimacy.</summary>
    public int SmallThreadMaxParticipants { get; init; } = 3;

    // Weights of the events (DESIGN.md), named rather than scattered.
    public double DirectReplyContact { get; init; } = 1;

    public double MentionContact { get; init; } = 0.5;

    public double ReactionIntensity { get; init; } = 0.3;

    public double ThanksIntensity { get; init; } = 1;

    public double TurnConfiding { get; init; } = 0.5;

    public double MentionConfiding { get; init; } = 1;

    public double SmallThreadConfiding { get; init; } = 0.5;

    public double AcceptedAnswerService { get; init; } = 3;

    public double HelpedService { get; init; } = 2;
}
