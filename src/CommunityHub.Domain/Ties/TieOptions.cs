namespace CommunityHub.Domain.Ties;

/// <summary>Every constant of the tie-strength contract (DESIGN.md, "Tie strength"). Defaults are the
/// contract's; a community may calibrate them (section <c>Ties</c> in the settings).</summary>
public sealed class TieOptions
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
