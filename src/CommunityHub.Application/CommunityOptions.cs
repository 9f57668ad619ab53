namespace CommunityHub.Application;

/// <summary>Settings of the community itself (section "Community" in configuration).</summary>
public sealed class CommunityOptions
{
    public const string Section = "Community";

    /// <summary>The community's name, shown in the header and page titles.</summary>
    public string Name { get; set; } = "CommunityHub";

    public int ThreadsPerPage { get; set; } = 25;

    public int RepliesPerPage { get; set; } = 20;
}
