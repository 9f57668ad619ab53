using CommunityHub.Domain.Common;
using CommunityHub.Domain.Moderation;
using CommunityHub.Domain.Trust;

namespace CommunityHub.Domain.Members;

public sealed partial class Member
{
    /// <summary>The trust level a moderator fixed for the member, whatever they earn; null when it follows what they do.</summary>
    public TrustLevel? TrustLockedAt { get; private set; }

    /// <summary>A moderator fixes the member's trust level at <paramref name="level"/>, or (null) lets it follow what
    /// they do again. The audit log says so, with the level's name.</summary>
    public void LockTrust(Viewer moderator, bool isAdmin, TrustLevel? level, string levelName, string? reason, DateTimeOffset now)
    {
        EnsureMayBeModeratedBy(moderator, isAdmin);
        if (FormerAt is not null)
        {
            throw new DomainException("This member deleted their account.");
        }

        if (level == TrustLockedAt)
        {
            throw new DomainException(level is null ? $"{DisplayName}'s trust level is not locked." : $"{DisplayName}'s trust level is locked at {levelName} already.");
        }

        if (level is { } locked && !Enum.IsDefined(locked))
        {
            throw new DomainException("No such trust level.");
        }

        TrustLockedAt = level;
        var trimmed = string.IsNullOrWhiteSpace(reason) ? null : Guard.Text(reason, SanctionReasonMaxLength, "A reason");
        Record(new MemberModerated(moderator.MemberId!.Value, Id, level is null ? ModerationAction.UnlockTrust : ModerationAction.LockTrust,
            trimmed, null, level is null ? "follows what they do again" : $"at {levelName}", null, now));
    }
}
