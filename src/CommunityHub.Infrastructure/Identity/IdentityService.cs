using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Domain.Members;
using Microsoft.AspNetCore.Identity;

namespace CommunityHub.Infrastructure.Identity;

public sealed class IdentityService(UserManager<CommunityUser> users) : IIdentityService
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
}
