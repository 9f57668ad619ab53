using System.Globalization;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Domain.Moderation;
using MediatR;

namespace CommunityHub.Application.Moderation;

/// <summary>Writes every moderator and admin action into the audit log, in the action's own transaction:
/// an action that is not logged did not happen.</summary>
public sealed class AuditLog(ICommunityDb db)
    : INotificationHandler<PostModerated>, INotificationHandler<ThreadModerated>, INotificationHandler<MemberModerated>, INotificationHandler<CommunityAdministered>
{
    public Task Handle(PostModerated notification, CancellationToken cancellationToken) =>
        Write(ModerationEntry.Record(notification.ModeratorId, notification.Action, notification.At,
            threadId: notification.ThreadId, postId: notification.PostId, memberId: notification.AuthorId, reason: notification.Reason), cancellationToken);

    public Task Handle(ThreadModerated notification, CancellationToken cancellationToken) =>
        Write(ModerationEntry.Record(notification.ModeratorId, notification.Action, notification.At,
            threadId: notification.ThreadId, reason: notification.Reason, detail: notification.Detail), cancellationToken);

    public Task Handle(MemberModerated notification, CancellationToken cancellationToken) =>
        Write(ModerationEntry.Record(notification.ModeratorId, notification.Action, notification.At,
            memberId: notification.MemberId, postId: notification.PostId, reason: notification.Reason,
            detail: notification.Until is { } until ? "until " + Dates.Exact(until) : notification.Detail), cancellationToken);

    public Task Handle(CommunityAdministered notification, CancellationToken cancellationToken) =>
        Write(ModerationEntry.Record(notification.AdminId, notification.Action, notification.At,
            spaceId: notification.SpaceId, postId: notification.PostId, detail: notification.Detail), cancellationToken);

    private async Task Write(ModerationEntry entry, CancellationToken cancellationToken)
    {
        db.ModerationLog.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
    }
}

internal static class Dates
{
    /// <summary>The same wording as the pages' hover text, for messages written by the application.</summary>
    public static string Exact(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
