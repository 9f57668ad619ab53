using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Groups;
using MediatR;

namespace CommunityHub.Application.Members;

/// <summary>A member follows the link in their confirmation e-mail.</summary>
public static class ConfirmEmail
{
    public sealed record Command(Guid MemberId, string Code) : ICommand<bool>;

    /// <summary>A confirmed address may put the member in groups that fill themselves by e-mail domain.</summary>
    public sealed class Handler(IIdentityService identity, GroupRules groups) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            if (request.MemberId == Guid.Empty || string.IsNullOrEmpty(request.Code) || !await identity.ConfirmEmailAsync(request.MemberId, request.Code, cancellationToken))
            {
                return false;
            }

            await groups.ApplyAsync(request.MemberId, signInGroups: null, cancellationToken);
            return true;
        }
    }
}
