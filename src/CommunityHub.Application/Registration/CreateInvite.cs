using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Registration;
using FluentValidation;
using MediatR;

namespace CommunityHub.Application.Registration;

/// <summary>An admin makes an invite link: optionally for a number of days and a number of uses.</summary>
public static class CreateInvite
{
    public const int MaxDays = 365;

    [Authorize(Powers.Administer)]
    public sealed class Command : ICommand<Guid>
    {
        /// <summary>Whom it is for, for the list ("Partners at Acme").</summary>
        public string? Note { get; set; }

        /// <summary>Days until it expires; empty for never.</summary>
        public int? ExpiresInDays { get; set; }

        /// <summary>How many accounts it may make; empty for no limit.</summary>
        public int? MaxUses { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Note).MaximumLength(Invite.NoteMaxLength).WithMessage($"A note is at most {Invite.NoteMaxLength} characters.");
            RuleFor(c => c.ExpiresInDays).InclusiveBetween(1, MaxDays).When(c => c.ExpiresInDays is not null)
                .WithMessage($"An invite lasts from 1 to {MaxDays} days; leave it empty for no expiry.");
            RuleFor(c => c.MaxUses).InclusiveBetween(1, Invite.MaxUsesLimit).When(c => c.MaxUses is not null)
                .WithMessage($"An invite can be used from 1 to {Invite.MaxUsesLimit:N0} times; leave it empty for no limit.");
        }
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Command, Guid>
    {
        public Task<Guid> Handle(Command request, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var invite = Invite.Create(request.Note, request.ExpiresInDays is { } days ? now.AddDays(days) : null, request.MaxUses, currentUser.MemberId!.Value, now);
            db.Invites.Add(invite);
            return Task.FromResult(invite.Id);
        }
    }
}
