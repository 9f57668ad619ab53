using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Ties;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Ties;

/// <summary>A member answers (or skips, with no rating) the question they were asked about one of their ties. Only
/// the question asked now is answered: that is what keeps it to one a week. The answer is private: it is the
/// member's own, in their data download, and deleted with their account.</summary>
public static class AnswerTieQuestion
{
    [Authorize]
    public sealed record Command(string Handle, int? Rating) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Handle).NotEmpty();
            RuleFor(c => c.Rating).InclusiveBetween(TieRating.Lowest, TieRating.Highest).When(c => c.Rating is not null)
                .WithMessage("Choose one of the five answers.");
        }
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, IMediator mediator, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var me = currentUser.MemberId ?? throw new NotSignedInException();
            var question = await mediator.Send(new GetTieQuestion.Query(), cancellationToken);
            if (question is null || question.Handle != request.Handle)
            {
                throw new DomainException("That question is no longer open: you are asked at most one a week.");
            }

            var now = clock.GetUtcNow();
            if (request.Rating is { } rating)
            {
                var rated = await db.Members.Where(m => m.Handle == request.Handle).Select(m => m.Id).SingleAsync(cancellationToken);
                var existing = await db.TieRatings.FirstOrDefaultAsync(r => r.RaterId == me && r.RatedId == rated, cancellationToken);
                if (existing is null)
                {
                    db.TieRatings.Add(TieRating.Give(me, rated, rating, now));
                }
                else
                {
                    existing.Change(rating, now);
                }
            }

            var preferences = await TiePreferencesOf.MemberAsync(db, me, cancellationToken);
            preferences.TieQuestionAnsweredOrSkipped(now);
            return Unit.Value;
        }
    }
}
