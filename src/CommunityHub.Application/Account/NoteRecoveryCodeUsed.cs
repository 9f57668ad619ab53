using CommunityHub.Application.Common.Messaging;
using CommunityHub.Domain.Members;
using MediatR;

namespace CommunityHub.Application.Account;

/// <summary>After Identity accepted a recovery code at sign-in (the web layer's sign-in manager): the member is told,
/// and it is in their account log. Sent by the sign-in page itself, never bound from a form.</summary>
public static class NoteRecoveryCodeUsed
{
    public sealed record Command(Guid MemberId) : ICommand<Unit>;

    public sealed class Handler(AccountChanges changes) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            await changes.RecordAsync(request.MemberId, AccountEventKind.RecoveryCodeUsed, null, cancellationToken);
            return Unit.Value;
        }
    }
}
