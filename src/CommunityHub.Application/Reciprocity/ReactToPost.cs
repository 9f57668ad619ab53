using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Reciprocity;
using FluentValidation;
using MediatR;

namespace CommunityHub.Application.Reciprocity;

/// <summary>Adds or removes one of the fixed reactions on someone else's post.</summary>
public static class ReactToPost
{
    [Authorize]
    public sealed class Command : ICommand<AcknowledgementResult>
    {
        public long PostId { get; set; }

        public string Reaction { get; set; } = string.Empty;

        /// <summary>True to add the reaction, false to remove it.</summary>
        public bool On { get; set; } = true;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Reaction).Must(Reactions.IsKnown).WithMessage("Choose one of the reactions.");
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Command, AcknowledgementResult>
    {
        public Task<AcknowledgementResult> Handle(Command request, CancellationToken cancellationToken) =>
            Acknowledging.SetAsync(db, currentUser.Viewer(), request.PostId, ReciprocityKind.Reaction, request.Reaction, request.On, clock.GetUtcNow(), cancellationToken);
    }
}
