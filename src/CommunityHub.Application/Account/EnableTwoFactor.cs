using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using FluentValidation;
using FluentValidation.Results;
using MediatR;

namespace CommunityHub.Application.Account;

/// <summary>The member proves their authenticator app works with one of its codes; two-factor is on and they get
/// ten one-time recovery codes, shown once.</summary>
public static class EnableTwoFactor
{
    [Authorize]
    public sealed class Command : ICommand<IReadOnlyList<string>>
    {
        public string Code { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Code).Must(code => !string.IsNullOrWhiteSpace(code)).WithMessage("Type the 6-digit code your authenticator app shows.")
                .Must(code => TwoFactor.Normalise(code) is { Length: 6 } digits && digits.All(char.IsAsciiDigit)).WithMessage("A code is 6 digits.");
    }

    public sealed class Handler(ICurrentUser currentUser, IAccountSecurity security, AccountChanges changes) : IRequestHandler<Command, IReadOnlyList<string>>
    {
        public async Task<IReadOnlyList<string>> Handle(Command request, CancellationToken cancellationToken)
        {
            var me = currentUser.MemberId ?? throw new NotSignedInException();
            if ((await security.TwoFactorAsync(me, cancellationToken)).Enabled)
            {
                throw new ValidationException([new ValidationFailure(string.Empty, "Two-factor authentication is on already.")]);
            }

            if (!await security.VerifyAuthenticatorCodeAsync(me, TwoFactor.Normalise(request.Code), cancellationToken))
            {
                throw new ValidationException([new ValidationFailure(nameof(Command.Code), TwoFactor.WrongCode)]);
            }

            var codes = await security.EnableTwoFactorAsync(me, cancellationToken);
            await changes.RecordAsync(me, AccountEventKind.TwoFactorEnabled, null, cancellationToken);
            return codes;
        }
    }
}
