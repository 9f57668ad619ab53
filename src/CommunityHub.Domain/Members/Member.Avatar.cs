using CommunityHub.Domain.Common;
using CommunityHub.Domain.Moderation;

namespace CommunityHub.Domain.Members;

public sealed partial class Member
{
    /// <summary>The member's current picture; null shows their initial.</summary>
    public Guid? AvatarId { get; private set; }

    /// <summary>The member puts up a new picture (replacing any other: the caller removes the old one's copies). Only
    /// the member themself changes their picture; a former or banned member cannot.</summary>
    public Avatar ChangeAvatar(Viewer by, Guid avatarId, string contentType, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!by.Is(Id))
        {
            throw new ForbiddenException("Only the member themself changes their picture.");
        }

        if (FormerAt is not null || IsBanned)
        {
            throw new DomainException("This account cannot change its picture.");
        }

        var avatar = Avatar.Create(avatarId, Id, contentType, now);
        AvatarId = avatar.Id;
        return avatar;
    }

    /// <summary>The member takes their picture down, or a moderator takes down another member's (the audit log says so).
    /// Returns the removed avatar's id, whose copies the caller deletes.</summary>
    public Guid RemoveAvatar(Viewer by, bool isAdmin, string? reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!by.Is(Id))
        {
            EnsureMayBeModeratedBy(by, isAdmin);
        }

        if (AvatarId is not { } removed)
        {
            throw new DomainException(by.Is(Id) ? "You have no picture to remove." : $"{DisplayName} has no picture.");
        }

        AvatarId = null;
        if (!by.Is(Id))
        {
            var trimmed = string.IsNullOrWhiteSpace(reason) ? null : Guard.Text(reason, SanctionReasonMaxLength, "A reason");
            Record(new MemberModerated(by.MemberId!.Value, Id, ModerationAction.RemoveAvatar, trimmed, null, "picture removed", null, now));
        }

        return removed;
    }
}
