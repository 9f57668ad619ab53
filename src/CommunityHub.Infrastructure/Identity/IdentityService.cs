using System.Text;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Domain.Members;
using CommunityHub.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Infrastructure.Identity;

public sealed class IdentityService(UserManager<CommunityUser> users, CommunityDbContext db) : IIdentityService
{
    /// <summary>Arbitrary, fixed key of the advisory lock that serialises role changes.</summary>
    private const long RoleChangesLock = 4_004_001;

    public async Task<AccountResult> CreateAccountAsync(Guid memberId, string email, string password, CancellationToken cancellationToken)
    {
        var user = new CommunityUser { Id = memberId, UserName = email, Email = email };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new AccountResult(created.Errors.Select(ToFieldError).Distinct().ToList());
        }

        var joined = await users.AddToRoleAsync(user, Roles.Member);
        return joined.Succeeded ? AccountResult.Success : new AccountResult(joined.Errors.Select(ToFieldError).ToList());
    }

    public async Task<bool> CheckPasswordAsync(Guid memberId, string password, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(memberId.ToString());
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return false;
        }

        if (await users.CheckPasswordAsync(user, password))
        {
            await users.ResetAccessFailedCountAsync(user);
            return true;
        }

        await users.AccessFailedAsync(user);
        return false;
    }

    public async Task DeleteAccountAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(memberId.ToString()) ?? throw new InvalidOperationException($"No account for member {memberId}.");
        Check(await users.DeleteAsync(user));
    }

    public async Task<IReadOnlyList<string>> RolesOfAsync(Guid memberId, CancellationToken cancellationToken) =>
        await (from ur in db.UserRoles
               join r in db.Roles on ur.RoleId equals r.Id
               where ur.UserId == memberId
               select r.Name!).ToListAsync(cancellationToken);

    public async Task SetRolesAsync(Guid memberId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(memberId.ToString()) ?? throw new InvalidOperationException($"No account for member {memberId}.");
        var wanted = roles.Append(Roles.Member).Distinct().ToHashSet();
        var current = (await users.GetRolesAsync(user)).ToHashSet();
        Check(await users.RemoveFromRolesAsync(user, current.Except(wanted)));
        Check(await users.AddToRolesAsync(user, wanted.Except(current)));
        // Roles travel in the sign-in cookie: a new stamp makes the cookie's validator re-issue it.
        Check(await users.UpdateSecurityStampAsync(user));
    }

    public Task<int> CountInRoleAsync(string role, CancellationToken cancellationToken) =>
        (from ur in db.UserRoles
         join r in db.Roles on ur.RoleId equals r.Id
         where r.Name == role
         select ur.UserId).CountAsync(cancellationToken);

    public async Task SerializeRoleChangesAsync(CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({RoleChangesLock})", cancellationToken);

    public async Task<IReadOnlyList<MemberAccount>> FindMembersAsync(string? search, int limit, CancellationToken cancellationToken)
    {
        // Former members have no account any more but stay findable (as "former member"), so that an admin
        // can reach their page and purge their posts.
        var query = from m in db.Members.AsNoTracking()
                    join u in db.Users on m.Id equals u.Id into accounts
                    from u in accounts.DefaultIfEmpty()
                    select new { m.Id, m.DisplayName, Email = u == null ? string.Empty : u.Email!, EmailConfirmed = u != null && u.EmailConfirmed };
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = $"%{search.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
            query = query.Where(x => EF.Functions.ILike(x.DisplayName, pattern) || EF.Functions.ILike(x.Email, pattern));
        }

        var found = await query.OrderBy(x => x.DisplayName).ThenBy(x => x.Id).Take(limit)
            .Select(x => new
            {
                x.Id,
                x.DisplayName,
                x.Email,
                x.EmailConfirmed,
                Roles = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == x.Id select r.Name!).ToList(),
            })
            .ToListAsync(cancellationToken);
        return found.Select(x => new MemberAccount(x.Id, x.DisplayName, x.Email, x.EmailConfirmed, Order(x.Roles))).ToList();
    }

    private static List<string> Order(List<string> roles) => [.. Roles.All.Where(roles.Contains)];

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Changing roles failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    public async Task<IReadOnlyDictionary<Guid, string>> ConfirmedAddressesAtAsync(IReadOnlyCollection<string> domains, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, string>();
        foreach (var domain in domains)
        {
            // Identity keeps the address upper-cased in NormalizedEmail: "@EXAMPLE.COM" ends exactly this domain's addresses.
            var ending = "@" + domain.ToUpperInvariant();
            var accounts = await db.Users.AsNoTracking()
                .Where(u => u.EmailConfirmed && u.NormalizedEmail!.EndsWith(ending))
                .Select(u => new { u.Id, u.Email })
                .ToListAsync(cancellationToken);
            foreach (var account in accounts)
            {
                found[account.Id] = account.Email!;
            }
        }

        return found;
    }

    public async Task<IReadOnlyDictionary<Guid, MemberAccount>> AccountsAsync(IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken)
    {
        var ids = memberIds.Distinct().ToList();
        var accounts = await (
                from u in db.Users.AsNoTracking()
                join m in db.Members on u.Id equals m.Id
                where ids.Contains(u.Id)
                select new { u.Id, m.DisplayName, u.Email, u.EmailConfirmed })
            .ToListAsync(cancellationToken);
        var roles = await (
                from ur in db.UserRoles.AsNoTracking()
                join r in db.Roles on ur.RoleId equals r.Id
                where ids.Contains(ur.UserId)
                select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        return accounts.ToDictionary(
            a => a.Id,
            a => new MemberAccount(a.Id, a.DisplayName, a.Email ?? string.Empty, a.EmailConfirmed,
                roles.Where(r => r.UserId == a.Id && r.Name != null).Select(r => r.Name!).ToList()));
    }

    public async Task<string> EmailConfirmationCodeAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(memberId.ToString()) ?? throw new InvalidOperationException($"No account for member {memberId}.");
        return Encode(await users.GenerateEmailConfirmationTokenAsync(user));
    }

    public async Task<bool> ConfirmEmailAsync(Guid memberId, string code, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(memberId.ToString());
        if (user is null || Decode(code) is not { } token)
        {
            return false;
        }

        return user.EmailConfirmed || (await users.ConfirmEmailAsync(user, token)).Succeeded;
    }

    public async Task<(MemberAccount Account, string Code)?> PasswordResetCodeAsync(string email, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return null;
        }

        var account = (await AccountsAsync([user.Id], cancellationToken)).GetValueOrDefault(user.Id);
        return account is null ? null : (account, Encode(await users.GeneratePasswordResetTokenAsync(user)));
    }

    public async Task<AccountResult> ResetPasswordAsync(string email, string code, string newPassword, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email);
        var invalid = new AccountResult([new AccountError(string.Empty, "This reset link is not valid any more. Ask for a new one.")]);
        if (user is null || Decode(code) is not { } token)
        {
            return invalid;
        }

        var reset = await users.ResetPasswordAsync(user, token, newPassword);
        if (reset.Succeeded)
        {
            // Whoever asked for the reset read the mail: the address is theirs.
            if (!user.EmailConfirmed)
            {
                user.EmailConfirmed = true;
                await users.UpdateAsync(user);
            }

            return AccountResult.Success;
        }

        return reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
            ? invalid
            : new AccountResult(reset.Errors.Select(ToFieldError).ToList());
    }

    // Tokens hold '+', '/' and '='; links carry them base64url-encoded.
    private static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    private static string? Decode(string code)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    // The user name is the e-mail address, so both "duplicate" errors mean one thing to the person registering.
    private static AccountError ToFieldError(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)
            => new AccountError("Email", "An account with that e-mail address already exists. Sign in instead?"),
        nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName)
            => new AccountError("Email", "That does not look like an e-mail address."),
        _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => new AccountError("Password", error.Description),
        _ => new AccountError(string.Empty, error.Description),
    };

    public async Task<IReadOnlyDictionary<Guid, string>> MembersInRolesAsync(IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var held = await (
                from userRole in db.UserRoles
                join role in db.Roles on userRole.RoleId equals role.Id
                where roles.Contains(role.Name!)
                select new { userRole.UserId, role.Name })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return held
            .GroupBy(h => h.UserId)
            .ToDictionary(g => g.Key, g => g.Select(h => h.Name!).OrderBy(name => roles.ToList().IndexOf(name)).First());
    }
}
