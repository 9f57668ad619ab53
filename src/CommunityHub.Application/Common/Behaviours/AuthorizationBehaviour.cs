using System.Reflection;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Common;
using MediatR;

namespace CommunityHub.Application.Common.Behaviours;

/// <summary>Refuses a request marked <see cref="AuthorizeAttribute"/> before anything else runs, so a
/// forged POST gets the same answer as a missing button. Rules that depend on the data (whose post is
/// it?) are the aggregates' and the conversation policy's.</summary>
public sealed class AuthorizationBehaviour<TRequest, TResponse>(ICurrentUser currentUser) : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly AuthorizeAttribute? Requirement = typeof(TRequest).GetCustomAttribute<AuthorizeAttribute>();

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (Requirement is null)
        {
            return next();
        }

        var viewer = currentUser.Viewer();
        if (!viewer.IsSignedIn)
        {
            throw new NotSignedInException();
        }

        if (!viewer.Has(Requirement.Power))
        {
            throw new ForbiddenException();
        }

        return next();
    }
}
