using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Account;

/// <summary>A member turns two-factor off with a current code from their app (whoever finds a signed-in browser
/// does not have the phone). Refused where the community requires it of the member's role.</summary>
public static class DisableTwoFactor
{
    [Authorize]
    public sealed class Command : ICommand<Unit>
    {
        public string Code { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Code).Must(code => !string.IsNullOrWhiteSpace(code)).WithMessage("Type the 6-digit code your authenticator app shows.");
    }

    public sealed class Handler(ICurrentUser currentUser, IAccountSecurity security, AccountChanges changes, IOptionsSnapshot<SingleSignOnOptions> options) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var me = currentUser.MemberId ?? throw new NotSignedInException();
            if (options.Value.RequiresTwoFactor(currentUser.IsInRole))
            {
                throw new ValidationException([new ValidationFailure(string.Empty, "Your role (admin or moderator) requires two-factor authentication here, so it stays on.")]);
            }

            if (!(await security.TwoFactorAsync(me, cancellationToken)).Enabled)
            {
                throw new ValidationException([new ValidationFailure(string.Empty, "Two-factor authentication is off already.")]);
            }

            if (!await security.VerifyAuthenticatorCodeAsync(me, TwoFactor.Normalise(request.Code), cancellationToken))
            {
                throw new ValidationException([new ValidationFailure(nameof(Command.Code), TwoFactor.WrongCode)]);
            }

            await security.DisableTwoFactorAsync(me, cancellationToken);
            await changes.RecordAsync(me, AccountEventKind.TwoFactorDisabled, null, cancellationToken);
            return Unit.Value;
        }
    }
}
