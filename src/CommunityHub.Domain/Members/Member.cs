using CommunityHub.Domain.Common;

namespace CommunityHub.Domain.Members;

/// <summary>A person in the community. Shares its id with the sign-in account, which lives in Infrastructure.</summary>
public sealed class Member
{
    public const int DisplayNameMaxLength = 50;

    private Member(Guid id, string displayName, DateTimeOffset joinedAt)
    {
        Id = id;
        DisplayName = displayName;
        JoinedAt = joinedAt;
    }

    public Guid Id { get; private set; }

    public string DisplayName { get; private set; }

    public DateTimeOffset JoinedAt { get; private set; }

    public static Member Join(Guid id, string displayName, DateTimeOffset now)
    {
        if (id == Guid.Empty)
        {
            throw new DomainException("A member needs an id.");
        }

        return new Member(id, Guard.Text(displayName, DisplayNameMaxLength, "A display name"), now);
    }
}
