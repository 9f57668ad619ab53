using System.Reflection;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Domain.Common;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using MediatR;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Account;

/// <summary>Where the community requires two-factor of admins and moderators, their moderator and admin use cases are
/// refused until it is on, so a forged POST meets the same answer as the page that asks them to turn it on.</summary>
public sealed class TwoFactorRequirementBehaviour<TRequest, TResponse>(ICurrentUser currentUser, IAccountSecurity security, IOptionsSnapshot<SingleSignOnOptions> options)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly bool ForStaffRoles = typeof(TRequest).GetCustomAttributes<AuthorizeAttribute>()
        .Any(a => (a.Power & (Powers.Moderate | Powers.Administer)) != Powers.None);

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (ForStaffRoles && currentUser.MemberId is { } me && options.Value.RequiresTwoFactor(currentUser.IsInRole)
            && !(await security.TwoFactorAsync(me, cancellationToken)).Enabled)
        {
            throw new ForbiddenException();
        }

        return await next();
    }
}
