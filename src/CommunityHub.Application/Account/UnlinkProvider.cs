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

/// <summary>A member removes a linked sign-in, never their last way in (a password counts only while local passwords are on).</summary>
public static class UnlinkProvider
{
    [Authorize]
    public sealed class Command : ICommand<Unit>
    {
        public string Provider { get; set; } = string.Empty;
    }

    public sealed class Handler(ICurrentUser currentUser, IAccountSecurity security, AccountChanges changes, IOptionsSnapshot<SingleSignOnOptions> sso) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var me = currentUser.MemberId ?? throw new NotSignedInException();
            var logins = await security.LoginsAsync(me, cancellationToken);
            var login = logins.FirstOrDefault(l => l.Provider == request.Provider) ?? throw new NotFoundException("Linked sign-in", request.Provider ?? string.Empty);
            var password = sso.Value.LocalPasswords && await security.HasPasswordAsync(me, cancellationToken);
            if (!password && logins.Count <= 1)
            {
                throw new ValidationException([new ValidationFailure(string.Empty, sso.Value.LocalPasswords
                    ? $"{login.ProviderDisplayName} is your only way to sign in. Add a password or link another provider first."
                    : $"{login.ProviderDisplayName} is your only way to sign in. Link another provider first.")]);
            }

            await security.RemoveLoginAsync(me, login.Provider, cancellationToken);
            await changes.RecordAsync(me, AccountEventKind.SignInRemoved, login.ProviderDisplayName, cancellationToken);
            return Unit.Value;
        }
    }
}
