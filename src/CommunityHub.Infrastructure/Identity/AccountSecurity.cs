using System.Text;
using CommunityHub.Application.Account;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Domain.Members;
using CommunityHub.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Infrastructure.Identity;

/// <summary><see cref="IAccountSecurity"/> on ASP.NET Core Identity: external logins in <c>user_logins</c>, the
/// authenticator key and recovery codes in <c>user_tokens</c>,
/// and passwords through the <see cref="UserManager{TUser}"/>, so lockout, stamps and hashing stay Identity's.</summary>
public sealed class AccountSecurity(UserManager<CommunityUser> users, IUserStore<CommunityUser> store, CommunityDbContext db) : IAccountSecurity
{
    public async Task<Guid?> FindByLoginAsync(string provider, string subject, CancellationToken cancellationToken) =>
        (await users.FindByLoginAsync(provider, subject))?.Id;

    public async Task<Guid?> FindByEmailAsync(string email, CancellationToken cancellationToken) =>
        (await users.FindByEmailAsync(email))?.Id;

    public async Task<AccountResult> CreateExternalAccountAsync(Guid memberId, string email, bool emailConfirmed, ExternalLogin login, CancellationToken cancellationToken)
    {
        var user = new CommunityUser { Id = memberId, UserName = email, Email = email, EmailConfirmed = emailConfirmed };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return Failed(created);
        }

        var joined = await users.AddToRoleAsync(user, Roles.Member);
        if (!joined.Succeeded)
        {
            return Failed(joined);
        }

        var linked = await users.AddLoginAsync(user, new UserLoginInfo(login.Provider, login.Subject, login.ProviderDisplayName));
        return linked.Succeeded ? AccountResult.Success : Failed(linked);
    }

    public async Task<AccountResult> AddLoginAsync(Guid memberId, ExternalLogin login, CancellationToken cancellationToken)
    {
        var user = await RequireAsync(memberId);
        var linked = await users.AddLoginAsync(user, new UserLoginInfo(login.Provider, login.Subject, login.ProviderDisplayName));
        return linked.Succeeded ? AccountResult.Success : Failed(linked);
    }

    public async Task<bool> RemoveLoginAsync(Guid memberId, string provider, CancellationToken cancellationToken)
    {
        var user = await RequireAsync(memberId);
        var login = (await users.GetLoginsAsync(user)).FirstOrDefault(l => l.LoginProvider == provider);
        return login is not null && (await users.RemoveLoginAsync(user, login.LoginProvider, login.ProviderKey)).Succeeded;
    }

    public async Task<IReadOnlyList<ExternalLogin>> LoginsAsync(Guid memberId, CancellationToken cancellationToken) =>
        await db.UserLogins.AsNoTracking().Where(l => l.UserId == memberId).OrderBy(l => l.LoginProvider)
            .Select(l => new ExternalLogin(l.LoginProvider, l.ProviderKey, l.ProviderDisplayName ?? l.LoginProvider))
            .ToListAsync(cancellationToken);

    public Task<bool> HasPasswordAsync(Guid memberId, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => u.Id == memberId && u.PasswordHash != null, cancellationToken);

    public async Task<AccountResult> ChangePasswordAsync(Guid memberId, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        var user = await RequireAsync(memberId);
        if (await users.IsLockedOutAsync(user))
        {
            return new AccountResult([new AccountError("CurrentPassword", "Too many wrong passwords: your account is locked for a while. Try again later.")]);
        }

        if (!await users.CheckPasswordAsync(user, currentPassword))
        {
            await users.AccessFailedAsync(user);
            return new AccountResult([new AccountError("CurrentPassword", "That is not your current password.")]);
        }

        var changed = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        return changed.Succeeded ? AccountResult.Success : new AccountResult(changed.Errors.Select(e => ToError(e, "NewPassword")).ToList());
    }

    public async Task<AccountResult> AddPasswordAsync(Guid memberId, string newPassword, CancellationToken cancellationToken)
    {
        var user = await RequireAsync(memberId);
        var added = await users.AddPasswordAsync(user, newPassword);
        return added.Succeeded ? AccountResult.Success : new AccountResult(added.Errors.Select(e => ToError(e, "NewPassword")).ToList());
    }

    public Task<bool> IsEmailTakenAsync(string email, Guid exceptMemberId, CancellationToken cancellationToken)
    {
        var normalized = users.NormalizeEmail(email);
        return db.Users.AnyAsync(u => u.NormalizedEmail == normalized && u.Id != exceptMemberId, cancellationToken);
    }

    public async Task<string> EmailChangeCodeAsync(Guid memberId, string newEmail, CancellationToken cancellationToken) =>
        WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateChangeEmailTokenAsync(await RequireAsync(memberId), newEmail)));

    public async Task<bool> ChangeEmailAsync(Guid memberId, string newEmail, string code, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(memberId.ToString());
        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return false;
        }

        if (user is null || !(await users.ChangeEmailAsync(user, newEmail, token)).Succeeded)
        {
            return false;
        }

        // The user name is the address (sign-in looks it up by either).
        return (await users.SetUserNameAsync(user, newEmail)).Succeeded;
    }

    public async Task<TwoFactorState> TwoFactorAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(memberId.ToString());
        return user is null ? new TwoFactorState(false, 0) : new TwoFactorState(user.TwoFactorEnabled, user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0);
    }

    public async Task<string> AuthenticatorKeyAsync(Guid memberId, bool renew, CancellationToken cancellationToken)
    {
        var user = await RequireAsync(memberId);
        var key = renew ? null : await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Not UserManager.ResetAuthenticatorKeyAsync: it renews the security stamp, which signs the member out of
            // every session (this one included) at the next stamp check, for merely opening the setup page. A key not
            // yet in use protects nothing that a stamp would; turning two-factor off still renews it.
            key = users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<CommunityUser>)store).SetAuthenticatorKeyAsync(user, key, cancellationToken);
            Check(await users.UpdateAsync(user));
        }

        return key;
    }

    public async Task<bool> VerifyAuthenticatorCodeAsync(Guid memberId, string code, CancellationToken cancellationToken)
    {
        var user = await RequireAsync(memberId);
        return !string.IsNullOrEmpty(code) && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
    }

    public async Task<IReadOnlyList<string>> EnableTwoFactorAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var user = await RequireAsync(memberId);
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        return (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactor.RecoveryCodeCount))!.ToList();
    }

    public async Task DisableTwoFactorAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var user = await RequireAsync(memberId);
        Check(await users.SetTwoFactorEnabledAsync(user, false));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes");
    }

    public async Task<IReadOnlyList<string>> RenewRecoveryCodesAsync(Guid memberId, CancellationToken cancellationToken) =>
        (await users.GenerateNewTwoFactorRecoveryCodesAsync(await RequireAsync(memberId), TwoFactor.RecoveryCodeCount))!.ToList();

    public async Task RenewSecurityStampAsync(Guid memberId, CancellationToken cancellationToken) =>
        Check(await users.UpdateSecurityStampAsync(await RequireAsync(memberId)));

    private async Task<CommunityUser> RequireAsync(Guid memberId) =>
        await users.FindByIdAsync(memberId.ToString()) ?? throw new InvalidOperationException($"No account for member {memberId}.");

    private static AccountResult Failed(IdentityResult result) =>
        new(result.Errors.Select(e => e.Code switch
        {
            nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)
                => new AccountError("Email", "An account with that e-mail address already exists."),
            nameof(IdentityErrorDescriber.LoginAlreadyAssociated)
                => new AccountError(string.Empty, "That sign-in is linked to another member already."),
            _ => new AccountError(string.Empty, e.Description),
        }).ToList());

    private static AccountError ToError(IdentityError error, string passwordField) =>
        error.Code.StartsWith("Password", StringComparison.Ordinal) ? new AccountError(passwordField, error.Description) : new AccountError(string.Empty, error.Description);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Changing the account failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
