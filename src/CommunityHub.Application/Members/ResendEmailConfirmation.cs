using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using MediatR;

namespace CommunityHub.Application.Members;

/// <summary>A signed-in member whose address is not confirmed yet asks for the confirmation e-mail again.</summary>
public static class ResendEmailConfirmation
{
    [Authorize]
    public sealed record Command : ICommand<bool>;

    public sealed class Handler(ICommunityDb db, IIdentityService identity, ICurrentUser currentUser, IEmailComposer emails, TimeProvider clock)
        : IRequestHandler<Command, bool>
    {
        /// <returns>False when the address is confirmed already (nothing sent).</returns>
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            var me = currentUser.MemberId!.Value;
            var accounts = await identity.AccountsAsync([me], cancellationToken);
            if (!accounts.TryGetValue(me, out var account) || account.EmailConfirmed)
            {
                return false;
            }

            var code = await identity.EmailConfirmationCodeAsync(me, cancellationToken);
            db.Emails.Add(emails.ConfirmAddress(account.DisplayName, me, code).To(account.Email, account.DisplayName, "confirm-email", clock.GetUtcNow()));
            return true;
        }
    }
}
