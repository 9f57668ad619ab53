using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using MediatR;

namespace CommunityHub.Application.Account;

/// <summary>Every session of the member ends, this one included, and the security stamp is renewed.</summary>
public static class SignOutEverywhere
{
    [Authorize]
    public sealed record Command : ICommand<int>;

    public sealed class Handler(ICurrentUser currentUser, ISignInSessions sessions, IAccountSecurity security, AccountChanges changes) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var me = currentUser.MemberId ?? throw new NotSignedInException();
            var ended = await sessions.EndAllAsync(me, keep: null, cancellationToken);
            await security.RenewSecurityStampAsync(me, cancellationToken);
            await changes.RecordAsync(me, AccountEventKind.SignedOutEverywhere, null, cancellationToken);
            return ended;
        }
    }
}
