namespace CommunityHub.Application;

/// <summary>Settings of the community itself (section "Community" in configuration).</summary>
public sealed class CommunityOptions
{
    public const string Section = "Community";

    /// <summary>The community's name, shown in the header and page titles.</summary>
    public string Name { get; set; } = "CommunityHub";

    public int ThreadsPerPage { get; set; } = 25;

    public int RepliesPerPage { get; set; } = 20;

    /// <summary>Where people reach the community, for links in e-mails (written outside any request) and feed ids.</summary>
    public Uri PublicUrl { get; set; } = new("http://127.0.0.1:5080/");

    /// <summary>A link to a page of the community, e.g. <c>Link("/notifications")</c>.</summary>
    public string Link(string pathAndQuery) => new Uri(PublicUrl, pathAndQuery).ToString();
}
