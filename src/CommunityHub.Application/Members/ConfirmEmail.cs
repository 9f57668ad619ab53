using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using MediatR;

namespace CommunityHub.Application.Members;

/// <summary>A member follows the link in their confirmation e-mail.</summary>
public static class ConfirmEmail
{
    public sealed record Command(Guid MemberId, string Code) : ICommand<bool>;

    public sealed class Handler(IIdentityService identity) : IRequestHandler<Command, bool>
    {
        public Task<bool> Handle(Command request, CancellationToken cancellationToken) =>
            request.MemberId == Guid.Empty || string.IsNullOrEmpty(request.Code)
                ? Task.FromResult(false)
                : identity.ConfirmEmailAsync(request.MemberId, request.Code, cancellationToken);
    }
}
