using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Validation;
using CommunityHub.Domain.Members;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Members;

/// <summary>Someone joins the community: a member and the account they sign in with, together or not at all.</summary>
public static class RegisterMember
{
    public sealed class Command : ICommand<Guid>
    {
        public string DisplayName { get; set; } = string.Empty;

        public string Email { get; set; } = string.Empty;

        public string Password { get; set; } = string.Empty;
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

    public sealed class Handler(ICommunityDb db, IIdentityService identity, TimeProvider clock, IOptions<CommunityOptions> options, IMediator mediator) : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command request, CancellationToken cancellationToken)
        {
            var member = Member.Join(Guid.CreateVersion7(), request.DisplayName, await FreeHandleAsync(request.DisplayName, cancellationToken), clock.GetUtcNow());
            db.Members.Add(member);
            // The account row references the member row, so the member goes in first (same transaction).
            await db.SaveChangesAsync(cancellationToken);

            var result = await identity.CreateAccountAsync(member.Id, request.Email.Trim(), request.Password, cancellationToken);
            if (!result.Succeeded)
            {
                // Rolls the whole registration back and puts the reasons on the form.
                throw new ValidationException(result.Errors.Select(e => new ValidationFailure(e.Field, e.Message)));
            }

            // The confirmation e-mail is queued in the same transaction: an account never lacks its e-mail, nor the reverse.
            var code = await identity.EmailConfirmationCodeAsync(member.Id, cancellationToken);
            db.Emails.Add(AccountEmails.ConfirmAddress(options.Value, member.Id, member.DisplayName, request.Email.Trim(), code, clock.GetUtcNow()));
            // A customer organisation from the address's domain, where an admin mapped it.
            await mediator.Send(new Organisations.AssignOrganisation.Command(member.Id, Domain.Organisations.OrganisationSource.EmailDomain, Email: request.Email.Trim()), cancellationToken);
            return member.Id;
        }

        /// <summary>The handle suggested by the display name, numbered (alice-chen-2) when it is taken.</summary>
        private async Task<string> FreeHandleAsync(string displayName, CancellationToken cancellationToken)
        {
            var suggested = MemberHandle.Suggest(displayName);
            var prefix = suggested + "-";
            var taken = (await db.Members
                    .Where(m => m.Handle == suggested || m.Handle.StartsWith(prefix))
                    .Select(m => m.Handle)
                    .ToListAsync(cancellationToken))
                .ToHashSet(StringComparer.Ordinal);
            var attempt = 1;
            while (taken.Contains(MemberHandle.Numbered(suggested, attempt)))
            {
                attempt++;
            }

            return MemberHandle.Numbered(suggested, attempt);
        }
    }
}
