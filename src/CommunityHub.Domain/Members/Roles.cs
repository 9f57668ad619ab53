namespace CommunityHub.Domain.Members;

/// <summary>The roles a member can hold. Every account is a Member; the others are granted.</summary>
public static class Roles
{
    public const string Member = nameof(Member);
    public const string Staff = nameof(Staff);
    public const string Executive = nameof(Executive);
    public const string Moderator = nameof(Moderator);
    public const string Admin = nameof(Admin);

    public static IReadOnlyList<string> All { get; } = [Member, Staff, Executive, Moderator, Admin];
}
