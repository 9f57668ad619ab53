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

/// <summary>A signed-in member came back from a provider they chose to link on their account page.</summary>
public static class LinkProvider
{
    [Authorize]
    public sealed record Command(ProviderIdentity Identity) : ICommand<Unit>;

    public sealed class Handler(ICurrentUser currentUser, IAccountSecurity security, AccountChanges changes, IOptionsSnapshot<SingleSignOnOptions> sso) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var me = currentUser.MemberId ?? throw new NotSignedInException();
            var who = request.Identity;
            var provider = sso.Value.Provider(who.Provider) ?? throw new NotFoundException("Provider", who.Provider);
            if (await security.FindByLoginAsync(who.Provider, who.Subject, cancellationToken) is { } owner)
            {
                if (owner == me)
                {
                    return Unit.Value;
                }

                throw new ValidationException([new ValidationFailure(string.Empty, $"That {provider.DisplayName} account is linked to another member here. Sign in with it to reach that account.")]);
            }

            if ((await security.LoginsAsync(me, cancellationToken)).Any(l => l.Provider == who.Provider))
            {
                throw new ValidationException([new ValidationFailure(string.Empty, $"Another {provider.DisplayName} account is linked already. Remove it first.")]);
            }

            var linked = await security.AddLoginAsync(me, new ExternalLogin(who.Provider, who.Subject, provider.DisplayName), cancellationToken);
            if (!linked.Succeeded)
            {
                throw new ValidationException(linked.Errors.Select(e => new ValidationFailure(string.Empty, e.Message)));
            }

            await changes.RecordAsync(me, AccountEventKind.SignInLinked, provider.DisplayName, cancellationToken);
            return Unit.Value;
        }
    }
}
