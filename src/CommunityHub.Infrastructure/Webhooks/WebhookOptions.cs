namespace CommunityHub.Infrastructure.Webhooks;

/// <summary>Settings of webhook delivery (section "Webhooks").</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Whether this instance's background worker delivers. Any number of instances may.</summary>
    public bool DispatchEnabled { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public int BatchSize { get; set; } = 20;

    /// <summary>How long a worker holds what it claimed; another takes it over after that.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The longest a receiver may take to answer one delivery; longer counts as a failure.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
