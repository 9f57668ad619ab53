namespace CommunityHub.Application.Common.Abstractions;

/// <summary>The sign-in accounts (ASP.NET Core Identity, in Infrastructure), as use cases need them.</summary>
public interface IIdentityService
{
    /// <summary>Creates the account for a member and gives it the Member role. Fails without side effects
    /// when the e-mail is taken or the password breaks a rule.</summary>
    Task<AccountResult> CreateAccountAsync(Guid memberId, string email, string password, CancellationToken cancellationToken);

    /// <summary>The members holding any of <paramref name="roles"/>, each with the first of those roles they hold.</summary>
    Task<IReadOnlyDictionary<Guid, string>> MembersInRolesAsync(IReadOnlyList<string> roles, CancellationToken cancellationToken);
    /// <summary>The member's roles, or an empty list when there is no such account.</summary>
    Task<IReadOnlyList<string>> RolesOfAsync(Guid memberId, CancellationToken cancellationToken);

    /// <summary>Gives the member exactly these roles (Member always stays) and renews the account's
    /// security stamp, so that a sign-in cookie holding the old roles is replaced.</summary>
    Task SetRolesAsync(Guid memberId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken);

    Task<int> CountInRoleAsync(string role, CancellationToken cancellationToken);

    /// <summary>Holds role changes of other transactions until this one ends, so two admins removing
    /// each other at once cannot leave the community without one.</summary>
    Task SerializeRoleChangesAsync(CancellationToken cancellationToken);

    /// <summary>Members whose name or e-mail contains <paramref name="search"/> (all when blank), by name, with their roles.</summary>
    Task<IReadOnlyList<MemberAccount>> FindMembersAsync(string? search, int limit, CancellationToken cancellationToken);
}

/// <summary>A member with their sign-in e-mail and roles, for the people who moderate and administer.</summary>
public sealed record MemberAccount(Guid Id, string DisplayName, string Email, IReadOnlyList<string> Roles);

/// <summary>What creating an account said. <see cref="Errors"/> name the form field they belong to.</summary>
public sealed record AccountResult(IReadOnlyList<AccountError> Errors)
{
    public static AccountResult Success { get; } = new([]);

    public bool Succeeded => Errors.Count == 0;
}

public sealed record AccountError(string Field, string Message);
