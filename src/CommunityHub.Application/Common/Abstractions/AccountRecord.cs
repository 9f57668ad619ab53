namespace CommunityHub.Application.Common.Abstractions;

/// <summary>A member's sign-in account as queries read it (Identity's tables, seen through one projection): the
/// address to write to, whether it is confirmed, and the roles, which say what the member may see.</summary>
public sealed class AccountRecord
{
    public Guid MemberId { get; init; }

    public string Email { get; init; } = string.Empty;

    public bool EmailConfirmed { get; init; }

    public IReadOnlyList<string> Roles { get; init; } = [];
}
