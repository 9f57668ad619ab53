using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using MediatR;

namespace CommunityHub.Application.Ties;

/// <summary>A member chooses whether others see "people they often talk with" on their profile (off by default).</summary>
public static class ShowFrequentContacts
{
    [Authorize]
    public sealed record Command(bool Show) : ICommand<Unit>;

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var me = currentUser.MemberId ?? throw new NotSignedInException();
            var preferences = await TiePreferencesOf.MemberAsync(db, me, cancellationToken);
            preferences.ShowFrequentContacts(request.Show, clock.GetUtcNow());
            return Unit.Value;
        }
    }
}
