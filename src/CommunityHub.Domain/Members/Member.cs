using CommunityHub.Domain.Common;

namespace CommunityHub.Domain.Members;

/// <summary>A person in the community. Shares its id with the sign-in account, which lives in Infrastructure.</summary>
public sealed class Member
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

    public static Member Join(Guid id, string displayName, string handle, DateTimeOffset now)
    {
        if (id == Guid.Empty)
        {
            throw new DomainException("A member needs an id.");
        }

        return new Member(id, Guard.Text(displayName, DisplayNameMaxLength, "A display name"), MemberHandle.Require(handle), now);
    }
}
