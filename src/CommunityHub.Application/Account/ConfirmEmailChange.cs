using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Domain.Members;
using MediatR;

namespace CommunityHub.Application.Account;

/// <summary>The link sent to the new address is followed: the account moves there (address and user name), and the
/// old address is told. Works signed out too (the code proves the mailbox; the member id names the account).</summary>
public static class ConfirmEmailChange
{
    public sealed record Command(Guid MemberId, string Email, string Code) : ICommand<bool>;

    public sealed class Handler(IIdentityService identity, IAccountSecurity security, AccountChanges changes, Groups.GroupRules groups) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            if (request.MemberId == Guid.Empty || string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Code)
                || (await identity.AccountsAsync([request.MemberId], cancellationToken)).GetValueOrDefault(request.MemberId) is not { } account)
            {
                return false;
            }

            var newEmail = request.Email.Trim();
            if (string.Equals(account.Email, newEmail, StringComparison.OrdinalIgnoreCase))
            {
                return true; // Followed twice: already done.
            }

            if (!await security.ChangeEmailAsync(request.MemberId, newEmail, request.Code, cancellationToken))
            {
                return false;
            }

            await changes.RecordAsync(request.MemberId, AccountEventKind.EmailChanged, $"from {account.Email} to {newEmail}", cancellationToken, toAddress: account.Email);
            // The new address may put them in groups by its domain, and take them out of the old one's.
            await groups.ApplyAsync(request.MemberId, signInGroups: null, cancellationToken);
            return true;
        }
    }
}
