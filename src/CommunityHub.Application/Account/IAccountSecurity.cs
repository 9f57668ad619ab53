using CommunityHub.Application.Common.Abstractions;

namespace CommunityHub.Application.Account;

/// <summary>What the account use cases need of the sign-in accounts (ASP.NET Core Identity, in Infrastructure):
/// linked sign-ins, passwords, e-mail changes and two-factor authentication. Every method works on the member's
/// own account; none of them decides who may call it (the use cases do).</summary>
public interface IAccountSecurity
{
    /// <summary>The member linked to this subject of this provider: the only way a returning SSO member is found.</summary>
    Task<Guid?> FindByLoginAsync(string provider, string subject, CancellationToken cancellationToken);

    Task<Guid?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    /// <summary>An account without a password, linked to the provider's subject, with the Member role.</summary>
    Task<AccountResult> CreateExternalAccountAsync(Guid memberId, string email, bool emailConfirmed, ExternalLogin login, CancellationToken cancellationToken);

    /// <summary>Links a provider's subject; fails when that subject is linked to anyone already.</summary>
    Task<AccountResult> AddLoginAsync(Guid memberId, ExternalLogin login, CancellationToken cancellationToken);

    Task<bool> RemoveLoginAsync(Guid memberId, string provider, CancellationToken cancellationToken);

    Task<IReadOnlyList<ExternalLogin>> LoginsAsync(Guid memberId, CancellationToken cancellationToken);

    Task<bool> HasPasswordAsync(Guid memberId, CancellationToken cancellationToken);

    /// <summary>Needs the current password (a wrong one counts towards the lockout); renews the security stamp.</summary>
    Task<AccountResult> ChangePasswordAsync(Guid memberId, string currentPassword, string newPassword, CancellationToken cancellationToken);

    /// <summary>A first password for an account that signed in only through a provider.</summary>
    Task<AccountResult> AddPasswordAsync(Guid memberId, string newPassword, CancellationToken cancellationToken);

    Task<bool> IsEmailTakenAsync(string email, Guid exceptMemberId, CancellationToken cancellationToken);

    /// <summary>A code proving the member reads mail at <paramref name="newEmail"/> (Identity's change-e-mail token).</summary>
    Task<string> EmailChangeCodeAsync(Guid memberId, string newEmail, CancellationToken cancellationToken);

    /// <summary>Changes address and user name together, once the code is right; the address counts as confirmed.</summary>
    Task<bool> ChangeEmailAsync(Guid memberId, string newEmail, string code, CancellationToken cancellationToken);

    Task<TwoFactorState> TwoFactorAsync(Guid memberId, CancellationToken cancellationToken);

    /// <summary>The authenticator key (base32), made when there is none or when <paramref name="renew"/>.</summary>
    Task<string> AuthenticatorKeyAsync(Guid memberId, bool renew, CancellationToken cancellationToken);

    /// <summary>Whether this is the authenticator app's current code; a code once accepted is refused again.</summary>
    Task<bool> VerifyAuthenticatorCodeAsync(Guid memberId, string code, CancellationToken cancellationToken);

    /// <summary>Turns two-factor on and returns ten new one-time recovery codes (only this once in clear).</summary>
    Task<IReadOnlyList<string>> EnableTwoFactorAsync(Guid memberId, CancellationToken cancellationToken);

    /// <summary>Turns two-factor off, forgetting the authenticator key and the recovery codes.</summary>
    Task DisableTwoFactorAsync(Guid memberId, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> RenewRecoveryCodesAsync(Guid memberId, CancellationToken cancellationToken);

    /// <summary>Any sign-in cookie issued before stops working at its next check.</summary>
    Task RenewSecurityStampAsync(Guid memberId, CancellationToken cancellationToken);
}

/// <param name="Provider">The provider's key in the settings (e.g. "example-corp").</param>
/// <param name="Subject">The provider's stable id for the person (the <c>sub</c> claim).</param>
public sealed record ExternalLogin(string Provider, string Subject, string ProviderDisplayName);

public sealed record TwoFactorState(bool Enabled, int RecoveryCodesLeft);
