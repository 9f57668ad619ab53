using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Notifications;

/// <summary>How many unread notifications the signed-in member has, for the header. One indexed count.</summary>
public static class CountUnreadNotifications
{
    public sealed record Query : IRequest<int>;

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser) : IRequestHandler<Query, int>
    {
        public async Task<int> Handle(Query request, CancellationToken cancellationToken) =>
            currentUser.MemberId is null ? 0
                : await db.VisibleTo(currentUser.Viewer()).CountAsync(n => n.ReadAt == null, cancellationToken);
    }
}
