using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using FluentValidation;
using MediatR;

namespace CommunityHub.Application.Members;

/// <summary>Someone asks for a password reset link. The answer is the same whether an account has that address or
/// not (no one learns who is a member); the e-mail goes through the outbox like every other.</summary>
public static class RequestPasswordReset
{
    public sealed class Command : ICommand<Unit>
    {
        public string Email { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Email)
                .NotEmpty().WithMessage("Enter the e-mail address of your account.")
                .MaximumLength(256).WithMessage("That e-mail address is too long.")
                .EmailAddress().WithMessage("That does not look like an e-mail address.");
    }

    public sealed class Handler(ICommunityDb db, IIdentityService identity, IEmailComposer emails, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            if (await identity.PasswordResetCodeAsync(request.Email.Trim(), cancellationToken) is { } reset)
            {
                db.Emails.Add(emails.ResetPassword(reset.Account.DisplayName, reset.Account.Email, reset.Code)
                    .To(reset.Account.Email, reset.Account.DisplayName, "reset-password", clock.GetUtcNow()));
            }

            return Unit.Value;
        }
    }
}
