using CommunityHub.Domain.Common;
using CommunityHub.Domain.Moderation;

namespace CommunityHub.Domain.Groups;

/// <summary>A set of members an admin puts together ("Beta programme", "Partners"), so that a space can be restricted
/// to them (<see cref="Spaces.Space.RestrictTo"/>). Membership is by hand; every change lands in the audit log.</summary>
public sealed class MemberGroup : AggregateRoot
{
    public const int NameMaxLength = 80;
    public const int DescriptionMaxLength = 500;

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

    public void Add(Guid memberId, string memberName, Guid adminId, DateTimeOffset now)
    {
        if (Includes(memberId))
        {
            throw new DomainException($"{memberName} is in {Name} already.");
        }

        _members.Add(new GroupMember(Id, memberId, now));
        Record(new CommunityAdministered(adminId, ModerationAction.AddToGroup, null, null, $"{memberName} added to {Name}", now));
    }

    public void Remove(Guid memberId, string memberName, Guid adminId, DateTimeOffset now)
    {
        var membership = _members.Find(m => m.MemberId == memberId)
            ?? throw new DomainException($"{memberName} is not in {Name}.");
        _members.Remove(membership);
        Record(new CommunityAdministered(adminId, ModerationAction.RemoveFromGroup, null, null, $"{memberName} taken out of {Name}", now));
    }

    private static string DescriptionOf(string? description) =>
        string.IsNullOrWhiteSpace(description) ? string.Empty : Guard.Text(description, DescriptionMaxLength, "A description");
}

/// <summary>One member of a <see cref="MemberGroup"/>.</summary>
public sealed class GroupMember
{
    internal GroupMember(int groupId, Guid memberId, DateTimeOffset addedAt)
    {
        GroupId = groupId;
        MemberId = memberId;
        AddedAt = addedAt;
    }

    public int GroupId { get; private set; }

    public Guid MemberId { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }
}
