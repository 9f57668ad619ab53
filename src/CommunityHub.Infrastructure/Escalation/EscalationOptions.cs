namespace CommunityHub.Infrastructure.Escalation;

/// <summary>How escalations are sent (section "Escalation").</summary>
public sealed class EscalationOptions
{
    public const string Section = "Escalation";

    public bool DispatchEnabled { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a sender holds what it claimed: longer than <see cref="Timeout"/>, so a live sender keeps it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long the desk has to answer one attempt.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts before an escalation is marked failed (staff may retry it).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait after the first failure; it doubles after each (at most 30 minutes).</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public int BatchSize { get; set; } = 10;
}
