namespace CommunityHub.Testing;

/// <summary>The trust rules as most tests need them: members registered by a test post at once, as often as the test
/// likes, with any number of links and files, and nothing held for approval (as <c>Identity:RequireConfirmedEmail</c>
/// is off for them). The trust and approval tests put the community's defaults back (<see cref="Defaults"/>).</summary>
public static class TrustSettings
{
    public static IReadOnlyDictionary<string, string?> Relaxed { get; } = new Dictionary<string, string?>
    {
        ["Trust:HoldSuspectedSpam"] = "false",
        ["Trust:New:FirstPostsNeedingApproval"] = "0",
        ["Trust:New:MaxLinksPerPost"] = "1000000",
        ["Trust:New:MaxAttachmentsPerPost"] = "1000000",
        ["Trust:New:ThreadsPerDay"] = "1000000",
        ["Trust:Member:ThreadsPerDay"] = "1000000",
    };

    /// <summary>The shipped defaults of every setting <see cref="Relaxed"/> changes.</summary>
    public static IReadOnlyDictionary<string, string?> Defaults { get; } = new Dictionary<string, string?>
    {
        ["Trust:HoldSuspectedSpam"] = "true",
        ["Trust:New:FirstPostsNeedingApproval"] = "2",
        ["Trust:New:MaxLinksPerPost"] = "2",
        ["Trust:New:MaxAttachmentsPerPost"] = "1",
        ["Trust:New:ThreadsPerDay"] = "3",
        ["Trust:Member:ThreadsPerDay"] = "10",
    };
}
