using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using FluentValidation;
using FluentValidation.Results;
using MediatR;

namespace CommunityHub.Application.Account;

/// <summary>A member asks to move their account to another address. A link goes to the new address and a word to
/// the old one; nothing changes until the link is followed (<see cref="ConfirmEmailChange"/>).</summary>
public static class RequestEmailChange
{
    [Authorize]
    public sealed class Command : ICommand<Unit>
    {
        public string NewEmail { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.NewEmail)
                .NotEmpty().WithMessage("Enter the new address.")
                .MaximumLength(256).WithMessage("That e-mail address is too long.")
                .EmailAddress().WithMessage("That does not look like an e-mail address.");
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, IIdentityService identity, IAccountSecurity security, AccountChanges changes, IEmailComposer emails, TimeProvider clock)
        : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var me = currentUser.MemberId ?? throw new NotSignedInException();
            var account = (await identity.AccountsAsync([me], cancellationToken)).GetValueOrDefault(me) ?? throw new NotFoundException("Account", me);
            var newEmail = request.NewEmail.Trim();
            if (string.Equals(newEmail, account.Email, StringComparison.OrdinalIgnoreCase))
            {
                throw new ValidationException([new ValidationFailure(nameof(Command.NewEmail), "That is already your address.")]);
            }

            if (await security.IsEmailTakenAsync(newEmail, me, cancellationToken))
            {
                throw new ValidationException([new ValidationFailure(nameof(Command.NewEmail), "Another account uses that address. Choose another, or sign in to that account instead.")]);
            }

            var code = await security.EmailChangeCodeAsync(me, newEmail, cancellationToken);
            db.Emails.Add(emails.ConfirmNewAddress(account.DisplayName, me, newEmail, code).To(newEmail, account.DisplayName, "confirm-email-change", clock.GetUtcNow()));
            // The old address hears of it too: whoever asked may not be the member.
            await changes.RecordAsync(me, AccountEventKind.EmailChangeRequested, newEmail, cancellationToken);
            return Unit.Value;
        }
    }
}
