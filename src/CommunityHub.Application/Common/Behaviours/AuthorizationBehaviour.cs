using System.Reflection;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Security;
using MediatR;

namespace CommunityHub.Application.Common.Behaviours;

/// <summary>Refuses a request marked <see cref="AuthorizeAttribute"/> before anything else runs, so a
/// forged POST gets the same answer as a missing button. Rules that depend on the data (whose post is
/// it?) live in the handlers.</summary>
public sealed class AuthorizationBehaviour<TRequest, TResponse>(ICurrentUser currentUser) : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly AuthorizeAttribute[] Requirements = typeof(TRequest).GetCustomAttributes<AuthorizeAttribute>().ToArray();

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (Requirements.Length == 0)
        {
            return next();
        }

        if (currentUser.MemberId is null)
        {
            throw new NotSignedInException();
        }

        foreach (var requirement in Requirements)
        {
            var roles = requirement.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (roles.Length > 0 && !roles.Any(currentUser.IsInRole))
            {
                throw new ForbiddenException();
            }
        }

        return next();
    }
}
