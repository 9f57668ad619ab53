using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using MediatR;

namespace CommunityHub.Application.Account;

/// <summary>A member signs one of their sessions out (a lost phone, a shared computer). Another member's session
/// id is not found, never ended.</summary>
public static class EndSession
{
    [Authorize]
    public sealed record Command(string SessionId) : ICommand<Unit>;

    public sealed class Handler(ICurrentUser currentUser, ISignInSessions sessions, AccountChanges changes) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var me = currentUser.MemberId ?? throw new NotSignedInException();
            if (string.IsNullOrEmpty(request.SessionId) || !await sessions.EndAsync(me, request.SessionId, cancellationToken))
            {
                throw new NotFoundException("Session", request.SessionId ?? string.Empty);
            }

            await changes.RecordAsync(me, AccountEventKind.SessionEnded, null, cancellationToken);
            return Unit.Value;
        }
    }
}
