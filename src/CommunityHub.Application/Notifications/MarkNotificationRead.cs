using CommunityHub.Domain.Common;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Notifications;

/// <summary>A member marks one of their notifications read. Someone else's is refused, like a missing button.</summary>
public static class MarkNotificationRead
{
    [Authorize]
    public sealed record Command(long NotificationId) : ICommand<Unit>;

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == request.NotificationId, cancellationToken)
                ?? throw new NotFoundException("Notification", request.NotificationId);
            if (notification.RecipientId != currentUser.MemberId)
            {
                throw new ForbiddenException("That notification is someone else's.");
            }

            notification.MarkRead(clock.GetUtcNow());
            return Unit.Value;
        }
    }
}
