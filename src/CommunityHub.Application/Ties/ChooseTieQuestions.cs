using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using MediatR;

namespace CommunityHub.Application.Ties;

/// <summary>A member switches the occasional "How well do you know …?" question on or off.</summary>
public static class ChooseTieQuestions
{
    [Authorize]
    public sealed record Command(bool Answer) : ICommand<Unit>;

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var me = currentUser.MemberId ?? throw new NotSignedInException();
            var preferences = await TiePreferencesOf.MemberAsync(db, me, cancellationToken);
            preferences.AnswerTieQuestions(request.Answer, clock.GetUtcNow());
            return Unit.Value;
        }
    }
}
