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

    /// <summary>The accounts of these members (address, whether it is confirmed, roles): whom to e-mail and what they may see.</summary>
    Task<IReadOnlyDictionary<Guid, MemberAccount>> AccountsAsync(IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken);

    /// <summary>The members whose confirmed address is at one of these domains ("example.com", lower case), with it.</summary>
    Task<IReadOnlyDictionary<Guid, string>> ConfirmedAddressesAtAsync(IReadOnlyCollection<string> domains, CancellationToken cancellationToken);

    /// <summary>A one-time code that proves the member reads mail at their address (Identity's token provider).</summary>
    Task<string> EmailConfirmationCodeAsync(Guid memberId, CancellationToken cancellationToken);

    Task<bool> ConfirmEmailAsync(Guid memberId, string code, CancellationToken cancellationToken);

    /// <summary>A password reset code for the account with this address, or null when there is none (the caller must not reveal which).</summary>
    Task<(MemberAccount Account, string Code)?> PasswordResetCodeAsync(string email, CancellationToken cancellationToken);

    Task<AccountResult> ResetPasswordAsync(string email, string code, string newPassword, CancellationToken cancellationToken);

    /// <summary>Whether this is the account's password (a wrong one counts towards the lockout, like a sign-in).</summary>
    Task<bool> CheckPasswordAsync(Guid memberId, string password, CancellationToken cancellationToken);

    /// <summary>Deletes the sign-in account with its roles, logins and tokens: nobody can sign in as the member
    /// again, and the e-mail address is free for a new registration. The member row is not touched.</summary>
    Task DeleteAccountAsync(Guid memberId, CancellationToken cancellationToken);
}

/// <summary>A member's sign-in account as use cases need it.</summary>
public sealed record MemberAccount(Guid MemberId, string DisplayName, string Email, bool EmailConfirmed, IReadOnlyList<string> Roles);

/// <summary>What creating an account said. <see cref="Errors"/> name the form field they belong to.</summary>
public sealed record AccountResult(IReadOnlyList<AccountError> Errors)
{
    public static AccountResult Success { get; } = new([]);

    public bool Succeeded => Errors.Count == 0;
}

public sealed record AccountError(string Field, string Message);
