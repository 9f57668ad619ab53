namespace CommunityHub.Application.Common.Abstractions;

/// <summary>The sign-in accounts (ASP.NET Core Identity, in Infrastructure), as use cases need them.</summary>
public interface IIdentityService
{
    /// <summary>Creates the account for a member and gives it the Member role. Fails without side effects
    /// when the e-mail is taken or the password breaks a rule.</summary>
    Task<AccountResult> CreateAccountAsync(Guid memberId, string email, string password, CancellationToken cancellationToken);

    /// <summary>The members holding any of <paramref name="roles"/>, each with the first of those roles they hold.</summary>
    Task<IReadOnlyDictionary<Guid, string>> MembersInRolesAsync(IReadOnlyList<string> roles, CancellationToken cancellationToken);
}

/// <summary>What creating an account said. <see cref="Errors"/> name the form field they belong to.</summary>
public sealed record AccountResult(IReadOnlyList<AccountError> Errors)
{
    public static AccountResult Success { get; } = new([]);

    public bool Succeeded => Errors.Count == 0;
}

public sealed record AccountError(string Field, string Message);
