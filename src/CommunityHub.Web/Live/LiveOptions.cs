namespace CommunityHub.Web.Live;

/// <summary>Live pages (<c>Live</c> in configuration): how many streams may be open, and how often they speak.</summary>
public sealed class LiveOptions
{
    public const string Section = "Live";

    /// <summary>Pages open a stream for signed-in members (on by default); off, pages are as they are without script.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Streams one member may hold open at once on this instance (a page each: tabs, windows, devices).</summary>
    public int MaxStreamsPerMember { get; set; } = 8;

    /// <summary>Streams this instance holds open at once; beyond it a page stays as it is (429) and still works.</summary>
    public int MaxStreams { get; set; } = 1000;

    /// <summary>A comment line this often keeps proxies from closing a quiet stream and finds readers who have gone;
    /// the unread count is checked again then too (some of its changes are announced by nobody).</summary>
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>A stream asks the database at most this often, however busy the community (changes wait and merge).</summary>
    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromSeconds(1);
}
