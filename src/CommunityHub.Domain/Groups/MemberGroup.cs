using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;
using CommunityHub.Domain.Registration;

namespace CommunityHub.Domain.Groups;

/// <summary>A set of members an admin puts together ("Beta programme", "Partners"), so that a space can be restricted
/// to them (<see cref="Spaces.Space.RestrictTo"/>). Members are added by hand, or join by themselves: by a confirmed
/// e-mail address at one of the group's domains, or by the sign-in provider's groups claim naming the group's
/// <see cref="SignInGroup"/>. Changes by an admin land in the audit log; the rules' own changes follow them.</summary>
public sealed class MemberGroup : AggregateRoot
{
    public const int NameMaxLength = 80;
    public const int DescriptionMaxLength = 500;
    public const int SignInGroupMaxLength = 200;

    private readonly List<GroupMember> _members = [];

    private MemberGroup(string name, string description, DateTimeOffset createdAt)
    {
        Name = name;
        Description = description;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public string Description { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The e-mail domains whose confirmed addresses join the group by themselves, one per line (as
    /// <see cref="Registration.EmailDomains"/> writes them); empty for none.</summary>
    public string EmailDomainList { get; private set; } = string.Empty;

    /// <summary>The value of the sign-in provider's groups claim that puts a member in the group, or null.</summary>
    public string? SignInGroup { get; private set; }

    /// <summary>The handle that @mentions the group (like <c>beta</c>): unique among groups and no member's handle
    /// (the use case checks both); null for none.</summary>
    public string? MentionHandle { get; private set; }

    /// <summary>Who may use <see cref="MentionHandle"/> to tell the group's members.</summary>
    public GroupMentions MentionableBy { get; private set; }

    public EmailDomains EmailDomains => EmailDomains.Parse(EmailDomainList);

    public bool FillsItself => EmailDomainList.Length > 0 || SignInGroup is not null;

    public IReadOnlyCollection<GroupMember> Members => _members;

    /// <summary>An admin creates a group with id <paramref name="id"/> (handed out before writing).</summary>
    public static MemberGroup Create(int id, string name, string description, Guid adminId, DateTimeOffset now)
    {
        var group = new MemberGroup(Guard.Text(name, NameMaxLength, "A group's name"), DescriptionOf(description), now) { Id = id };
        group.Record(new CommunityAdministered(adminId, ModerationAction.CreateGroup, null, null, group.Name, now));
        return group;
    }

    public void Edit(string name, string description, Guid adminId, DateTimeOffset now)
    {
        Name = Guard.Text(name, NameMaxLength, "A group's name");
        Description = DescriptionOf(description);
        Record(new CommunityAdministered(adminId, ModerationAction.EditGroup, null, null, Name, now));
    }

    public bool Includes(Guid memberId) => _members.Exists(m => m.MemberId == memberId);

    /// <summary>An admin adds a member by hand. One who joined by themselves stays, now as added by hand: the rules no
    /// longer take them out.</summary>
    public void Add(Guid memberId, string memberName, Guid adminId, DateTimeOffset now)
    {
        var membership = _members.Find(m => m.MemberId == memberId);
        if (membership is { Source: GroupSource.Admin })
        {
            throw new DomainException($"{memberName} is in {Name} already.");
        }

        if (membership is null)
        {
            _members.Add(new GroupMember(Id, memberId, now, GroupSource.Admin));
        }
        else
        {
            membership.KeepByHand();
        }

        Record(new CommunityAdministered(adminId, ModerationAction.AddToGroup, null, null, $"{memberName} added to {Name}", now));
    }

    /// <summary>An admin takes out a member they added. One who joined by themselves would join again at once, so
    /// they are refused: the group's rules decide about them.</summary>
    public void Remove(Guid memberId, string memberName, Guid adminId, DateTimeOffset now)
    {
        var membership = _members.Find(m => m.MemberId == memberId)
            ?? throw new DomainException($"{memberName} is not in {Name}.");
        if (membership.Source != GroupSource.Admin)
        {
            throw new DomainException($"{memberName} is in {Name} by {membership.Source.Describe()}; change who joins by themselves to take them out.");
        }

        _members.Remove(membership);
        Record(new CommunityAdministered(adminId, ModerationAction.RemoveFromGroup, null, null, $"{memberName} taken out of {Name}", now));
    }

    /// <summary>An admin sets who joins by themselves. The members who joined by a rule that no longer holds are taken
    /// out by <see cref="Follow"/> as their rule is next checked (the caller checks every such member at once).</summary>
    public void JoinBy(EmailDomains domains, string? signInGroup, Guid adminId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(domains);
        var group = string.IsNullOrWhiteSpace(signInGroup) ? null : Guard.Text(signInGroup, SignInGroupMaxLength, "A sign-in group");
        if (domains.ToString() == EmailDomainList && group == SignInGroup)
        {
            return;
        }

        EmailDomainList = domains.ToString();
        SignInGroup = group;
        var rules = new List<string>();
        if (!domains.IsEmpty)
        {
            rules.Add($"a confirmed address at {domains.Describe()}");
        }

        if (group is not null)
        {
            rules.Add($"the sign-in group \u201c{group}\u201d");
        }

        var detail = rules.Count == 0 ? $"Members join {Name} only by hand" : $"Members join {Name} by {string.Join(" or ", rules)}";
        Record(new CommunityAdministered(adminId, ModerationAction.EditGroup, null, null, detail, now));
    }

    /// <summary>An admin sets the group's @mention handle (empty for none: nobody can mention it) and who may use
    /// it. The handle follows a member handle's rules; that no other group or member holds it is the caller's check.</summary>
    public void MentionAs(string? handle, GroupMentions who, Guid adminId, DateTimeOffset now)
    {
        if (!Enum.IsDefined(who))
        {
            throw new DomainException("Choose who may mention the group.");
        }

        var mention = string.IsNullOrWhiteSpace(handle) ? null : MemberHandle.Require(handle.Trim().TrimStart('@').ToLowerInvariant());
        if (mention == MentionHandle && who == MentionableBy)
        {
            return;
        }

        MentionHandle = mention;
        MentionableBy = who;
        var detail = mention is null ? $"{Name} has no @mention handle" : $"@{mention} mentions {Name}, usable by {who.Describe()}";
        Record(new CommunityAdministered(adminId, ModerationAction.EditGroup, null, null, detail, now));
    }

    /// <summary>How a member with this confirmed address and these sign-in groups would join, or null.
    /// <paramref name="signInGroups"/> is null when they are not known (the member did not just sign in with a
    /// provider).</summary>
    public GroupSource? Admits(string? confirmedEmail, IReadOnlyCollection<string>? signInGroups) =>
        EmailDomainList.Length > 0 && EmailDomains.Includes(confirmedEmail) ? GroupSource.EmailDomain
        : SignInGroup is not null && signInGroups is not null && signInGroups.Contains(SignInGroup, StringComparer.Ordinal) ? GroupSource.SignIn
        : null;

    /// <summary>Puts a member in or out as the rules say, given their confirmed address (null when it is not
    /// confirmed) and, when they just signed in with a provider, its groups. A member added by hand stays; one who
    /// joined at sign-in stays until a sign-in says otherwise. Returns whether anything changed.</summary>
    public bool Follow(Guid memberId, string? confirmedEmail, IReadOnlyCollection<string>? signInGroups, DateTimeOffset now)
    {
        var membership = _members.Find(m => m.MemberId == memberId);
        if (membership is { Source: GroupSource.Admin })
        {
            return false;
        }

        var wanted = Admits(confirmedEmail, signInGroups);
        if (wanted is null && membership is { Source: GroupSource.SignIn } && signInGroups is null && SignInGroup is not null)
        {
            return false;
        }

        if (wanted is null)
        {
            return membership is not null && _members.Remove(membership);
        }

        if (membership is null)
        {
            _members.Add(new GroupMember(Id, memberId, now, wanted.Value));
            return true;
        }

        return membership.JoinedBy(wanted.Value);
    }

    private static string DescriptionOf(string? description) =>
        string.IsNullOrWhiteSpace(description) ? string.Empty : Guard.Text(description, DescriptionMaxLength, "A description");
}

/// <summary>One member of a <see cref="MemberGroup"/>.</summary>
public sealed class GroupMember
{
    internal GroupMember(int groupId, Guid memberId, DateTimeOffset addedAt, GroupSource source)
    {
        GroupId = groupId;
        MemberId = memberId;
        AddedAt = addedAt;
        Source = source;
    }

    public int GroupId { get; private set; }

    public Guid MemberId { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    /// <summary>How they came to be in it.</summary>
    public GroupSource Source { get; private set; }

    internal void KeepByHand() => Source = GroupSource.Admin;

    internal bool JoinedBy(GroupSource source)
    {
        var changed = Source != source;
        Source = source;
        return changed;
    }
}

/// <summary>How a member came to be in a group.</summary>
public enum GroupSource
{
    /// <summary>An admin added them.</summary>
    Admin = 0,

    /// <summary>Their confirmed e-mail address is at one of the group's domains.</summary>
    EmailDomain = 1,

    /// <summary>The sign-in provider's groups claim named the group's sign-in group.</summary>
    SignIn = 2,
}

public static class GroupSourceText
{
    /// <summary>"hand", "their e-mail address", "their sign-in": how a page or a message says it.</summary>
    public static string Describe(this GroupSource source) => source switch
    {
        GroupSource.EmailDomain => "their e-mail address",
        GroupSource.SignIn => "their sign-in",
        _ => "hand",
    };
}
