using System.Globalization;
using System.Text;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Account;

/// <summary>The key an authenticator app needs, as text (grouped by four) and as the otpauth:// address its QR code
/// holds. Made once and kept until two-factor is turned on; <see cref="Command.Renew"/> makes a new one.</summary>
public static class StartAuthenticatorSetup
{
    [Authorize]
    public sealed record Command(bool Renew = false) : ICommand<Setup>;

    public sealed record Setup(string SharedKey, string AuthenticatorUri);

    public sealed class Handler(ICurrentUser currentUser, IIdentityService identity, IAccountSecurity security, IOptions<CommunityOptions> options) : IRequestHandler<Command, Setup>
    {
        public async Task<Setup> Handle(Command request, CancellationToken cancellationToken)
        {
            var me = currentUser.MemberId ?? throw new NotSignedInException();
            if ((await security.TwoFactorAsync(me, cancellationToken)).Enabled)
            {
                throw new ValidationException([new ValidationFailure(string.Empty, "Two-factor authentication is on already. Turn it off first to use another app.")]);
            }

            var key = await security.AuthenticatorKeyAsync(me, request.Renew, cancellationToken);
            var email = (await identity.AccountsAsync([me], cancellationToken)).GetValueOrDefault(me)?.Email ?? me.ToString();
            var issuer = Uri.EscapeDataString(options.Value.Name);
            var uri = string.Create(CultureInfo.InvariantCulture, $"otpauth://totp/{issuer}:{Uri.EscapeDataString(email)}?secret={key}&issuer={issuer}&digits=6");
            return new Setup(Group(key), uri);
        }

        private static string Group(string key)
        {
            var grouped = new StringBuilder();
            for (var i = 0; i < key.Length; i += 4)
            {
                grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
            }

            return grouped.ToString().TrimEnd().ToLowerInvariant();
        }
    }
}
