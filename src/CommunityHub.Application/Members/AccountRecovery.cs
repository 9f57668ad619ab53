using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Members;

/// <summary>A member follows the link in their confirmation e-mail.</summary>
public static class ConfirmEmail
{
    public sealed record Command(Guid MemberId, string Code) : ICommand<bool>;

    public sealed class Handler(IIdentityService identity) : IRequestHandler<Command, bool>
    {
        public Task<bool> Handle(Command request, CancellationToken cancellationToken) =>
            request.MemberId == Guid.Empty || string.IsNullOrEmpty(request.Code)
                ? Task.FromResult(false)
                : identity.ConfirmEmailAsync(request.MemberId, request.Code, cancellationToken);
    }
}

/// <summary>A signed-in member whose address is not confirmed yet asks for the confirmation e-mail again.</summary>
public static class ResendEmailConfirmation
{
    [Authorize]
    public sealed record Command : ICommand<bool>;

    public sealed class Handler(ICommunityDb db, IIdentityService identity, ICurrentUser currentUser, TimeProvider clock, IOptions<CommunityOptions> options)
        : IRequestHandler<Command, bool>
    {
        /// <returns>False when the address is confirmed already (nothing sent).</returns>
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            var me = currentUser.MemberId!.Value;
            var accounts = await identity.AccountsAsync([me], cancellationToken);
            if (!accounts.TryGetValue(me, out var account) || account.EmailConfirmed)
            {
                return false;
            }

            var code = await identity.EmailConfirmationCodeAsync(me, cancellationToken);
            db.Emails.Add(AccountEmails.ConfirmAddress(options.Value, me, account.DisplayName, account.Email, code, clock.GetUtcNow()));
            return true;
        }
    }
}

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

    public sealed class Handler(ICommunityDb db, IIdentityService identity, TimeProvider clock, IOptions<CommunityOptions> options) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            if (await identity.PasswordResetCodeAsync(request.Email.Trim(), cancellationToken) is { } reset)
            {
                db.Emails.Add(AccountEmails.ResetPassword(options.Value, reset.Account.DisplayName, reset.Account.Email, reset.Code, clock.GetUtcNow()));
            }

            return Unit.Value;
        }
    }
}

/// <summary>Someone with a reset link chooses a new password.</summary>
public static class ResetPassword
{
    public sealed class Command : ICommand<Unit>
    {
        public string Email { get; set; } = string.Empty;

        public string Code { get; set; } = string.Empty;

        public string Password { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).NotEmpty().WithMessage("This reset link is incomplete. Ask for a new one.");
            RuleFor(c => c.Code).NotEmpty().WithMessage("This reset link is incomplete. Ask for a new one.");
            RuleFor(c => c.Password).NotEmpty().WithMessage("Choose a new password.");
        }
    }

    public sealed class Handler(IIdentityService identity) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var result = await identity.ResetPasswordAsync(request.Email.Trim(), request.Code, request.Password, cancellationToken);
            if (!result.Succeeded)
            {
                throw new ValidationException(result.Errors.Select(e => new ValidationFailure(e.Field, e.Message)));
            }

            return Unit.Value;
        }
    }
}
