using CommunityHub.Domain.Common;
using CommunityHub.Domain.Moderation;

namespace CommunityHub.Domain.Members;

/// <summary>A person in the community. Shares its id with the sign-in account, which lives in Infrastructure.</summary>
public sealed partial class Member : AggregateRoot
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

    /// <summary>A member row that is not a person registering: a service token's bot, the demo community, the tie
    /// evaluation's people. It records no event, so no <c>member.registered</c> webhook is sent for it; a person who
    /// joins comes through <see cref="Register"/>.</summary>
    public static Member Join(Guid id, string displayName, string handle, DateTimeOffset now)
    {
        if (id == Guid.Empty)
        {
            throw new DomainException("A member needs an id.");
        }

        return new Member(id, Guard.Text(displayName, DisplayNameMaxLength, "A display name"), MemberHandle.Require(handle), now);
    }

    /// <summary>A person joins: by the registration form (<paramref name="method"/> Password) or a first single sign-on
    /// with <paramref name="provider"/>, through an invite link or not. Records <see cref="MemberRegistered"/>.</summary>
    public static Member Register(Guid id, string displayName, string handle, RegistrationMethod method, string? provider, bool viaInvite, DateTimeOffset now)
    {
        var namesProvider = !string.IsNullOrWhiteSpace(provider);
        if (namesProvider != (method == RegistrationMethod.SingleSignOn))
        {
            throw new DomainException("A single sign-on names its provider; a registration with a password names none.");
        }

        var member = Join(id, displayName, handle, now);
        member.Record(new MemberRegistered(member.Id, member.DisplayName, member.Handle, now, method, provider, viaInvite));
        return member;
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

    /// <summary>A moderator warns the member: nothing changes but the record (and the member is told).</summary>
    public void Warn(Viewer moderator, bool isAdmin, string reason, long? postId, DateTimeOffset now)
    {
        EnsureMayBeModeratedBy(moderator, isAdmin);
        Moderated(moderator, ModerationAction.WarnMember, Guard.Text(reason, SanctionReasonMaxLength, "A reason"), null, postId, now);
    }

    public void Suspend(Viewer moderator, bool isAdmin, DateTimeOffset until, string reason, long? postId, DateTimeOffset now)
    {
        EnsureMayBeModeratedBy(moderator, isAdmin);
        if (until <= now)
        {
            throw new DomainException("A suspension ends in the future.");
        }

        SanctionReason = Guard.Text(reason, SanctionReasonMaxLength, "A reason");
        SuspendedUntil = until;
        IsBanned = false;
        Moderated(moderator, ModerationAction.SuspendMember, SanctionReason, until, postId, now);
    }

    public void Ban(Viewer moderator, bool isAdmin, string reason, long? postId, DateTimeOffset now)
    {
        EnsureMayBeModeratedBy(moderator, isAdmin);
        SanctionReason = Guard.Text(reason, SanctionReasonMaxLength, "A reason");
        IsBanned = true;
        SuspendedUntil = null;
        Moderated(moderator, ModerationAction.BanMember, SanctionReason, null, postId, now);
    }

    public void Reinstate(Viewer moderator, bool isAdmin, DateTimeOffset now)
    {
        EnsureMayBeModeratedBy(moderator, isAdmin);
        if (MayPostAt(now))
        {
            throw new DomainException($"{DisplayName} is neither suspended nor banned.");
        }

        IsBanned = false;
        SuspendedUntil = null;
        SanctionReason = null;
        Moderated(moderator, ModerationAction.ReinstateMember, null, null, null, now);
    }

    /// <summary>An admin gave the member exactly <paramref name="roles"/> (the accounts hold them); the badge and
    /// title shown on every post follow.</summary>
    public void HoldRoles(Viewer admin, IReadOnlyCollection<string> roles, string? title, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(roles);
        if (!admin.Has(Powers.Administer))
        {
            throw new ForbiddenException("Only admins assign roles.");
        }

        if (FormerAt is not null)
        {
            throw new DomainException("This member deleted their account: a former member holds no roles.");
        }

        // A bot stays a bot whatever it may do: readers are owed the knowledge that a script wrote its posts.
        ShowAs(Badge == MemberBadge.Bot ? MemberBadge.Bot : roles.Contains(Roles.Executive) ? MemberBadge.Executive : roles.Contains(Roles.Staff) ? MemberBadge.Staff : MemberBadge.None, title);
        var described = roles.Count == 0 ? "Member only" : string.Join(", ", roles.Select(r => r == Roles.Staff && Title is { } t ? $"Staff ({t})" : r));
        Record(new MemberModerated(admin.MemberId!.Value, Id, ModerationAction.ChangeRoles, null, null, described, null, now));
    }

    /// <summary>Only admins purge, and only a former member's posts.</summary>
    public Decision MayBePurgedBy(Viewer admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        if (!admin.Has(Powers.Administer))
        {
            return Decision.Forbid("Only admins purge a former member's posts.");
        }

        return FormerAt is null
            ? Decision.Refuse("Only a former member's posts can be purged. A member who still has an account can be suspended or banned, and their posts hidden one by one.")
            : Decision.Allowed;
    }

    /// <summary>An admin removed a former member's posts (<paramref name="detail"/> says how many).</summary>
    public void Purged(Viewer admin, string detail, DateTimeOffset now)
    {
        MayBePurgedBy(admin).Enforce();
        Record(new MemberModerated(admin.MemberId!.Value, Id, ModerationAction.PurgeMember, null, null, detail, null, now));
    }

    /// <summary>An admin placed the member in <paramref name="organisation"/> (or in none): the audit log says so.</summary>
    public void PlacedInOrganisation(Viewer admin, string? organisation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(admin);
        if (!admin.Has(Powers.Administer))
        {
            throw new ForbiddenException("Only admins set a member's organisation.");
        }

        Record(new CommunityAdministered(admin.MemberId!.Value, ModerationAction.AssignOrganisation, null, null,
            organisation is null ? $"{DisplayName}: no organisation" : $"{DisplayName}: {organisation}", now));
    }

    /// <summary>Moderators act on members, never on themselves, and never on an admin unless they are one.</summary>
    private void EnsureMayBeModeratedBy(Viewer moderator, bool isAdmin)
    {
        ArgumentNullException.ThrowIfNull(moderator);
        if (!moderator.Moderates)
        {
            throw new ForbiddenException("Only moderators act on members.");
        }

        if (moderator.Is(Id))
        {
            throw new ForbiddenException("You cannot moderate yourself.");
        }

        if (isAdmin && !moderator.Has(Powers.Administer))
        {
            throw new ForbiddenException("A moderator cannot suspend, ban or warn an admin.");
        }
    }

    private void Moderated(Viewer moderator, ModerationAction action, string? reason, DateTimeOffset? until, long? postId, DateTimeOffset now) =>
        Record(new MemberModerated(moderator.MemberId!.Value, Id, action, reason, until, null, postId, now));

    /// <summary>What the member's sanctions say about writing now (the address is the account's to say).</summary>
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
        AvatarId = null;
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
