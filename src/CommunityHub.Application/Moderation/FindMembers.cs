using CommunityHub.Domain.Members;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Security;
using MediatR;

namespace CommunityHub.Application.Moderation;

/// <summary>Moderators and admins look members up by name or e-mail.</summary>
public static class FindMembers
{
    public const int Limit = 50;

    [Authorize(Powers.Moderate)]
    public sealed record Query(string? Search) : IRequest<IReadOnlyList<MemberAccount>>;

    public sealed class Handler(IIdentityService identity) : IRequestHandler<Query, IReadOnlyList<MemberAccount>>
    {
        public Task<IReadOnlyList<MemberAccount>> Handle(Query request, CancellationToken cancellationToken) =>
            identity.FindMembersAsync(request.Search, Limit, cancellationToken);
    }
}
