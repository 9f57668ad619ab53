using CommunityHub.Domain.Common;

namespace CommunityHub.Domain.Members;

/// <summary>A person in the community. Shares its id with the sign-in account, which lives in Infrastructure.</summary>
public sealed partial class Member
{
    public const int DisplayNameMaxLength = 50;

    private Member(Guid id, string displayName, string handle, DateTimeOffset joinedAt)
    {
        Id = id;
        DisplayName = displayName;
        Handle = handle;
        JoinedAt = joinedAt;
    }

    public Guid Id { get; private set; }

    public string DisplayName { get; private set; }

    /// <summary>Unique; how others @mention the member, and their profile's address.</summary>
    public string Handle { get; private set; }

    public DateTimeOffset JoinedAt { get; private set; }

    /// <summary>Staff or Executive, shown on every post; denormalised from the roles so that reading a
    /// thread never asks Identity. Kept in step by the role-assignment use case.</summary>
    public MemberBadge Badge { get; private set; }

    /// <summary>The company title shown beside a staff member's name, e.g. "Product Manager".</summary>
    public string? Title { get; private set; }

    /// <summary>Until when the member may read but not post; null when not suspended.</summary>
    public DateTimeOffset? SuspendedUntil { get; private set; }

    /// <summary>Banned members may read but never post again, until reinstated.</summary>
    public bool IsBanned { get; private set; }

    /// <summary>Why the member was suspended or banned; shown to them when they try to post.</summary>
    public string? SanctionReason { get; private set; }

    public static Member Join(Guid id, string displayName, string handle, DateTimeOffset now)
    {
        if (id == Guid.Empty)
        {
            throw new DomainException("A member needs an id.");
        }

        return new Member(id, Guard.Text(displayName, DisplayNameMaxLength, "A display name"), MemberHandle.Require(handle), now);
    }

    /// <summary>Sets the badge and title that follow from the member's roles; a title only goes with a badge.</summary>
    public void ShowAs(MemberBadge badge, string? title)
    {
        var trimmed = string.IsNullOrWhiteSpace(title) ? null : title.Trim();
        if (trimmed?.Length > TitleMaxLength)
        {
            throw new DomainException($"A title cannot be longer than {TitleMaxLength} characters.");
        }

        Badge = badge;
        Title = badge == MemberBadge.None ? null : trimmed;
    }

    public void Suspend(DateTimeOffset until, string reason, DateTimeOffset now)
    {
        if (until <= now)
        {
            throw new DomainException("A suspension ends in the future.");
        }

        SanctionReason = Guard.Text(reason, SanctionReasonMaxLength, "A reason");
        SuspendedUntil = until;
        IsBanned = false;
    }

    public void Ban(string reason)
    {
        SanctionReason = Guard.Text(reason, SanctionReasonMaxLength, "A reason");
        IsBanned = true;
        SuspendedUntil = null;
    }

    public void Reinstate()
    {
        IsBanned = false;
        SuspendedUntil = null;
        SanctionReason = null;
    }

    public bool MayPostAt(DateTimeOffset now) => FormerAt is null && !IsBanned && (SuspendedUntil is null || SuspendedUntil <= now);

    /// <summary>When the member deleted their account; null while they are a member. A former member's row
    /// stays so that their posts, ties and help records (the community's history) keep an author.</summary>
    public DateTimeOffset? FormerAt { get; private set; }

    /// <summary>What every page shows in place of a former member's name.</summary>
    public const string FormerDisplayName = "former member";

    /// <summary>The member deleted their account: nothing that identifies them stays on the row. The handle
    /// is released (replaced by one made from the id, so it stays unique and cannot be @mentioned by name).</summary>
    public void Leave(DateTimeOffset now)
    {
        if (FormerAt is not null)
        {
            throw new DomainException("This account has already been deleted.");
        }

        FormerAt = now;
        DisplayName = FormerDisplayName;
        Handle = FormerHandle(Id);
        Badge = MemberBadge.None;
        Title = null;
        SuspendedUntil = null;
        IsBanned = false;
        SanctionReason = null;
    }

    public static string FormerHandle(Guid id) => FormerPrefix + id.ToString("N")[..20];

    /// <summary>Whether a handle is one <see cref="Leave"/> gave: "former-" and 20 hex digits. No handle made
    /// from a display name has that shape (those are at most 25 characters, or end in "-N").</summary>
    public static bool IsFormerHandle(string handle) =>
        handle.Length == FormerPrefix.Length + 20
        && handle.StartsWith(FormerPrefix, StringComparison.Ordinal)
        && handle[FormerPrefix.Length..].All(char.IsAsciiHexDigitLower);

    private const string FormerPrefix = "former-";

    public const int TitleMaxLength = 60;

    public const int SanctionReasonMaxLength = 500;
}
