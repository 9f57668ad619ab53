using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Security;
using MediatR;

namespace CommunityHub.Application.Account;

/// <summary>Where the member is signed in: device, address, when it started and when it was last used; this one first.</summary>
public static class ListSessions
{
    [Authorize]
    public sealed record Query : IRequest<IReadOnlyList<SessionView>>;

    public sealed record SessionView(string Id, string Device, string? Address, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, bool IsCurrent);

    public sealed class Handler(ICurrentUser currentUser, ICurrentSession session, ISignInSessions sessions) : IRequestHandler<Query, IReadOnlyList<SessionView>>
    {
        public async Task<IReadOnlyList<SessionView>> Handle(Query request, CancellationToken cancellationToken)
        {
            var me = currentUser.MemberId ?? throw new NotSignedInException();
            return (await sessions.ListAsync(me, cancellationToken))
                .Select(s => new SessionView(s.Id, s.Device, s.Address, s.CreatedAt, s.LastSeenAt, s.Id == session.SessionId))
                .OrderByDescending(s => s.IsCurrent).ThenByDescending(s => s.LastSeenAt)
                .ToList();
        }
    }
}
