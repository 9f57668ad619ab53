using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Ideas;
using FluentValidation;
using MediatR;

namespace CommunityHub.Application.Ideas;

/// <summary>Someone speaking for the company sets an idea's status with a public note (the idea refuses anyone else).</summary>
public static class SetIdeaStatus
{
    [Authorize]
    public sealed class Command : ICommand<Result>
    {
        public long ThreadId { get; set; }

        /// <summary>The status's name in forms ("under-review").</summary>
        public string Status { get; set; } = string.Empty;

        public string? Note { get; set; }
    }

    public sealed record Result(string SpaceSlug, long ThreadId);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Status).Must(s => IdeaOptions.Parse(s) is not null).WithMessage("Choose one of the statuses.");
            RuleFor(c => c.Note).MaximumLength(Idea.StatusNoteMaxLength).WithMessage($"A status note is at most {Idea.StatusNoteMaxLength} characters.");
        }
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, IKeys keys, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var viewer = currentUser.Viewer();
            var inHand = await IdeaInHand.LoadAsync(db, keys, viewer, request.ThreadId, cancellationToken);
            db.IdeaStatusChanges.Add(inHand.Idea.SetStatus(viewer, IdeaOptions.Parse(request.Status)!.Value, request.Note, clock.GetUtcNow()));
            return new Result(inHand.SpaceSlug, inHand.ThreadId);
        }
    }
}
