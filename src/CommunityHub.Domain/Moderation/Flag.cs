using CommunityHub.Domain.Common;

namespace CommunityHub.Domain.Moderation;

/// <summary>A member's report that a post breaks the community's values. One per member and post;
/// open until a moderator acts on it.</summary>
public sealed class Flag : AggregateRoot
{
    public const int ReasonMaxLength = 500;

    private Flag(long postId, Guid reporterId, string reason, DateTimeOffset createdAt)
    {
        PostId = postId;
        ReporterId = reporterId;
        Reason = reason;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public long PostId { get; private set; }

    public Guid ReporterId { get; private set; }

    public string Reason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public Guid? ResolvedById { get; private set; }

    public FlagResolution? Resolution { get; private set; }

    public static Flag Raise(long postId, Guid reporterId, string reason, DateTimeOffset now)
    {
        if (reporterId == Guid.Empty)
        {
            throw new DomainException("A flag needs the member who raised it.");
        }

        var flag = new Flag(postId, reporterId, Guard.Text(reason, ReasonMaxLength, "A reason"), now);
        flag.Record(new PostFlagged(postId, reporterId, flag.Reason, now));
        return flag;
    }

    /// <summary>A moderator decides the flag changes nothing; every other open flag on the post goes with it.</summary>
    public void Dismiss(Guid moderatorId, string? reason, DateTimeOffset now)
    {
        Resolve(moderatorId, FlagResolution.Dismissed, now);
        Record(new CommunityAdministered(moderatorId, ModerationAction.DismissFlag, null, PostId, reason, now));
    }

    public void Resolve(Guid moderatorId, FlagResolution resolution, DateTimeOffset now)
    {
        if (ResolvedAt is not null)
        {
            throw new DomainException("Another moderator dealt with this flag already.");
        }

        ResolvedAt = now;
        ResolvedById = moderatorId;
        Resolution = resolution;
    }
}

/// <summary>What a moderator did about a flag.</summary>
public enum FlagResolution
{
    Dismissed = 1,
    PostHidden = 2,
    AuthorWarned = 3,
    AuthorSuspended = 4,
}
