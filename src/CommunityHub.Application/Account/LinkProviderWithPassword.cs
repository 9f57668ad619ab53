using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Domain.Members;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Account;

/// <summary>Someone came back from a provider with a verified address that a local account uses: they prove that
/// account is theirs with its password (and its authenticator code when it has two-factor), and the provider is
/// linked to it. The address comes from the provider's answer, never from the form.</summary>
public static class LinkProviderWithPassword
{
    public sealed class Command : ICommand<Guid>
    {
        /// <summary>Set by the page from the provider's validated answer; not bound from the form.</summary>
        public ProviderIdentity? Identity { get; set; }

        public string Password { get; set; } = string.Empty;

        public string? Code { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Password).NotEmpty().WithMessage("Enter the password of your account here.");
    }

    public sealed class Handler(IAccountSecurity security, Common.Abstractions.IIdentityService identity, AccountChanges changes, IOptionsSnapshot<SingleSignOnOptions> sso, ILogger<Handler> logger)
        : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command request, CancellationToken cancellationToken)
        {
            var who = request.Identity ?? throw new ValidationException([new ValidationFailure(string.Empty, "Your sign-in with the provider has expired. Start again.")]);
            var provider = sso.Value.Provider(who.Provider) ?? throw new NotFoundException("Provider", who.Provider);
            var email = who.Email?.Trim();
            if (!who.EmailVerified || string.IsNullOrEmpty(email) || await security.FindByEmailAsync(email, cancellationToken) is not { } memberId)
            {
                throw new ValidationException([new ValidationFailure(string.Empty, "There is no account to link here any more. Start again.")]);
            }

            if (!await identity.CheckPasswordAsync(memberId, request.Password, cancellationToken))
            {
                logger.LogWarning("Linking {Provider} to member {MemberId} refused: wrong password", who.Provider, memberId);
                throw new ValidationException([new ValidationFailure(nameof(Command.Password), "That is not the password of this account (or it is locked for a while after too many tries).")]);
            }

            if ((await security.TwoFactorAsync(memberId, cancellationToken)).Enabled
                && !await security.VerifyAuthenticatorCodeAsync(memberId, TwoFactor.Normalise(request.Code), cancellationToken))
            {
                throw new ValidationException([new ValidationFailure(nameof(Command.Code), "This account uses two-factor authentication: " + TwoFactor.WrongCode)]);
            }

            var linked = await security.AddLoginAsync(memberId, new ExternalLogin(who.Provider, who.Subject, provider.DisplayName), cancellationToken);
            if (!linked.Succeeded)
            {
                throw new ValidationException(linked.Errors.Select(e => new ValidationFailure(string.Empty, e.Message)));
            }

            await changes.RecordAsync(memberId, AccountEventKind.SignInLinked, provider.DisplayName, cancellationToken);
            return memberId;
        }
    }
}
