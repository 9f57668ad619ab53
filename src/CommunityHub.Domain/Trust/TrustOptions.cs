namespace CommunityHub.Domain.Trust;

/// <summary>The trust levels' names, what it takes to reach each and what each may do (section "Trust" in the
/// settings). A member holds the highest level whose every requirement they meet; the requirements are read from
/// what the platform records anyway, so a level moves up and down by itself.</summary>
public sealed class TrustOptions
{
    public const string Section = "Trust";

    /// <summary>Hold a post the spam check finds suspicious for a moderator (its reasons shown in the queue). On by default.</summary>
    public bool HoldSuspectedSpam { get; set; } = true;

    public TrustLevelSettings New { get; set; } = new()
    {
        Name = "New",
        MaxLinksPerPost = 2,
        MaxAttachmentsPerPost = 1,
        ThreadsPerDay = 3,
        FirstPostsNeedingApproval = 2,
    };

    public TrustLevelSettings Member { get; set; } = new()
    {
        Name = "Member",
        MinDaysSinceJoining = 1,
        MinPostsWritten = 3,
        MinThreadsRead = 5,
        ThreadsPerDay = 10,
    };

    public TrustLevelSettings Regular { get; set; } = new()
    {
        Name = "Regular",
        MinDaysSinceJoining = 30,
        MinPostsWritten = 20,
        MinThreadsRead = 30,
        MinHelpConfirmed = 3,
    };

    public TrustLevelSettings Leader { get; set; } = new()
    {
        Name = "Leader",
        MinDaysSinceJoining = 90,
        MinPostsWritten = 50,
        MinThreadsRead = 60,
        MinHelpConfirmed = 15,
    };

    public TrustLevelSettings Of(TrustLevel level) => level switch
    {
        TrustLevel.New => New,
        TrustLevel.Member => Member,
        TrustLevel.Regular => Regular,
        TrustLevel.Leader => Leader,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "No such trust level."),
    };

    public string NameOf(TrustLevel level) => Of(level).Name;
}

/// <summary>One trust level: what reaching it takes (ignored for <see cref="TrustLevel.New"/>, where everyone starts)
/// and what a member at it may do. A null limit is no limit.</summary>
public sealed class TrustLevelSettings
{
    public string Name { get; set; } = string.Empty;

    public int MinDaysSinceJoining { get; set; }

    /// <summary>Published posts (threads and replies; pending or staff notes do not count).</summary>
    public int MinPostsWritten { get; set; }

    /// <summary>Threads the member opened and read (the platform records a read mark per thread).</summary>
    public int MinThreadsRead { get; set; }

    /// <summary>Help confirmed by others: "this helped me" marks and accepted answers received, not taken back.</summary>
    public int MinHelpConfirmed { get; set; }

    /// <summary>Flags against the member's posts that a moderator upheld (hid the post, warned or suspended them):
    /// more than this and the level is out of reach, so a member who misbehaves drops down.</summary>
    public int MaxUpheldFlags { get; set; }

    public int? MaxLinksPerPost { get; set; }

    public int? MaxAttachmentsPerPost { get; set; }

    /// <summary>Threads a member may start in any 24 hours.</summary>
    public int? ThreadsPerDay { get; set; }

    /// <summary>A member at this level whose published posts are fewer than this has each new post held for approval.</summary>
    public int FirstPostsNeedingApproval { get; set; }
}
