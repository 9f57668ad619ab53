using CommunityHub.Domain.Common;

namespace CommunityHub.Domain.Trust;

/// <summary>What a member's trust level is made of, as the platform records it.</summary>
public sealed record TrustRecord(
    DateTimeOffset JoinedAt,
    int PostsWritten,
    int ThreadsRead,
    int HelpConfirmed,
    int UpheldFlags,
    TrustLevel? LockedAt)
{
    public static TrustRecord Brand(DateTimeOffset joinedAt) => new(joinedAt, 0, 0, 0, 0, null);
}

/// <summary>A member's trust level, and whether a moderator fixed it.</summary>
public sealed record Trust(TrustLevel Level, TrustLevel Earned, bool IsLocked);

/// <summary>Derives trust levels from a <see cref="TrustRecord"/>. Derived every time it is read, in the query a
/// use case makes anyway, rather than stored and recomputed by subscribers: every input (a post approved, a flag
/// upheld, help taken back, a day passing) moves it at once, up or down, with nothing to keep in step.</summary>
public static class TrustRules
{
    public static Trust Of(TrustRecord record, TrustOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(options);
        var earned = Earned(record, options, now);
        return new Trust(record.LockedAt ?? earned, earned, record.LockedAt is not null);
    }

    public static TrustLevel Earned(TrustRecord record, TrustOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(options);
        var days = Math.Max(0, (int)Math.Floor((now - record.JoinedAt).TotalDays));
        var level = TrustLevel.New;
        foreach (var next in new[] { TrustLevel.Member, TrustLevel.Regular, TrustLevel.Leader })
        {
            var needs = options.Of(next);
            if (days < needs.MinDaysSinceJoining
                || record.PostsWritten < needs.MinPostsWritten
                || record.ThreadsRead < needs.MinThreadsRead
                || record.HelpConfirmed < needs.MinHelpConfirmed
                || record.UpheldFlags > needs.MaxUpheldFlags)
            {
                break;
            }

            level = next;
        }

        return level;
    }

    /// <summary>Whether a new post by a member at <paramref name="level"/> with <paramref name="published"/> posts so far waits for a moderator.</summary>
    public static bool FirstPostsNeedApproval(TrustLevel level, int published, TrustOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return published < options.Of(level).FirstPostsNeedingApproval;
    }

    /// <summary>Whether a post with <paramref name="links"/> links and <paramref name="attachments"/> files, and
    /// (for a new thread) <paramref name="threadsToday"/> threads started in the last 24 hours, is within the level's limits.</summary>
    public static Decision MayPost(TrustLevel level, TrustOptions options, int links, int attachments, int? threadsToday)
    {
        ArgumentNullException.ThrowIfNull(options);
        var may = options.Of(level);
        if (may.MaxLinksPerPost is { } maxLinks && links > maxLinks)
        {
            return Decision.Refuse(maxLinks == 0
                ? $"Members at the {may.Name} level cannot post links yet. Remove the links and post again; the limit lifts as you take part."
                : $"Members at the {may.Name} level can put at most {maxLinks} link{(maxLinks == 1 ? "" : "s")} in a post; this one has {links}. Remove some and post again.");
        }

        if (may.MaxAttachmentsPerPost is { } maxFiles && attachments > maxFiles)
        {
            return Decision.Refuse(maxFiles == 0
                ? $"Members at the {may.Name} level cannot attach files yet."
                : $"Members at the {may.Name} level can attach at most {maxFiles} file{(maxFiles == 1 ? "" : "s")} to a post; this one has {attachments}.");
        }

        if (threadsToday is { } started && may.ThreadsPerDay is { } perDay && started >= perDay)
        {
            return Decision.Refuse($"Members at the {may.Name} level can start {perDay} thread{(perDay == 1 ? "" : "s")} a day, and you have. Reply in an existing thread, or come back tomorrow.");
        }

        return Decision.Allowed;
    }
}
