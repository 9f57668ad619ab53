using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Domain.Members;
using CommunityHub.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Infrastructure.Identity;

public sealed class IdentityService(UserManager<CommunityUser> users, CommunityDbContext db) : IIdentityService
{
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
