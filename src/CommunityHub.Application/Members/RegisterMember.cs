using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Validation;
using CommunityHub.Domain.Members;
using FluentValidation;
using FluentValidation.Results;
using MediatR;

namespace CommunityHub.Application.Members;

/// <summary>Someone joins the community: a member and the account they sign in with, together or not at all.</summary>
public static class RegisterMember
{
    public sealed class Command : ICommand<Guid>
    {
        public string DisplayName { get; set; } = string.Empty;

        public string Email { get; set; } = string.Empty;

        public string Password { get; set; } = string.Empty;

        /// <summary>The code of the invite link the person came through, if any (required in invite-only mode).</summary>
        public string? InviteCode { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DisplayName)
                .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("Choose the name other members will see.")
                .StorableText()
                .Must(name => name.Trim().Length <= Member.DisplayNameMaxLength)
                .WithMessage($"A display name can be at most {Member.DisplayNameMaxLength} characters.");
            RuleFor(c => c.Email)
                .NotEmpty().WithMessage("Enter your e-mail address.")
                .MaximumLength(256).WithMessage("That e-mail address is too long.")
                .EmailAddress().WithMessage("That does not look like an e-mail address.");
            RuleFor(c => c.Password).NotEmpty().WithMessage("Choose a password.");
        }
    }

    public sealed class Handler(ICommunityDb db, IIdentityService identity, IEmailComposer emails, TimeProvider clock, IMediator mediator, Registration.RegistrationGate gate) : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command request, CancellationToken cancellationToken)
        {
            // The validator checked the invite; counting its use here makes two people racing for its last use meet the
            // concurrency token (one of them gets the refusal), never both get in.
            var viaInvite = await gate.RedeemAsync(request.InviteCode, cancellationToken);
            var handle = await Account.HandleAvailability.FreeAsync(db, request.DisplayName, cancellationToken);
            var member = Member.Register(Guid.CreateVersion7(), request.DisplayName, handle, RegistrationMethod.Password, null, viaInvite, clock.GetUtcNow());
            // Identity's store saves the account with the member it references (same context, same transaction).
            db.Members.Add(member);
            var result = await identity.CreateAccountAsync(member.Id, request.Email.Trim(), request.Password, cancellationToken);
            if (!result.Succeeded)
            {
                // Rolls the whole registration back and puts the reasons on the form.
                throw new ValidationException(result.Errors.Select(e => new ValidationFailure(e.Field, e.Message)));
            }

            // The confirmation e-mail is queued in the same transaction: an account never lacks its e-mail, nor the reverse.
            var code = await identity.EmailConfirmationCodeAsync(member.Id, cancellationToken);
            db.Emails.Add(emails.ConfirmAddress(member.DisplayName, member.Id, code).To(request.Email.Trim(), member.DisplayName, "confirm-email", clock.GetUtcNow()));
            // A customer organisation from the address's domain, where an admin mapped it.
            await mediator.Send(new Organisations.AssignOrganisation.Command(member.Id, Domain.Organisations.OrganisationSource.EmailDomain, Email: request.Email.Trim()), cancellationToken);
            return member.Id;
        }
    }
}
