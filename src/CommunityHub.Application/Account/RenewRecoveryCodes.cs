using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using FluentValidation;
using FluentValidation.Results;
using MediatR;

namespace CommunityHub.Application.Account;

/// <summary>Ten new recovery codes (the old ones stop working), with a current code from the authenticator app.</summary>
public static class RenewRecoveryCodes
{
    [Authorize]
    public sealed class Command : ICommand<IReadOnlyList<string>>
    {
        public string Code { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Code).Must(code => !string.IsNullOrWhiteSpace(code)).WithMessage("Type the 6-digit code your authenticator app shows.");
    }

    public sealed class Handler(ICurrentUser currentUser, IAccountSecurity security, AccountChanges changes) : IRequestHandler<Command, IReadOnlyList<string>>
    {
        public async Task<IReadOnlyList<string>> Handle(Command request, CancellationToken cancellationToken)
        {
            var me = currentUser.MemberId ?? throw new NotSignedInException();
            if (!(await security.TwoFactorAsync(me, cancellationToken)).Enabled)
            {
                throw new ValidationException([new ValidationFailure(string.Empty, "Turn on two-factor authentication first.")]);
            }

            if (!await security.VerifyAuthenticatorCodeAsync(me, TwoFactor.Normalise(request.Code), cancellationToken))
            {
                throw new ValidationException([new ValidationFailure(nameof(Command.Code), TwoFactor.WrongCode)]);
            }

            var codes = await security.RenewRecoveryCodesAsync(me, cancellationToken);
            await changes.RecordAsync(me, AccountEventKind.RecoveryCodesRenewed, null, cancellationToken);
            return codes;
        }
    }
}
