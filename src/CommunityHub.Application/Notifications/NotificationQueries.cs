using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Notifications;
using CommunityHub.Domain.Threads;

namespace CommunityHub.Application.Notifications;

internal static class NotificationQueries
{
    /// <summary>A member's notifications that they may still see: about the thread as a whole, about a post listed
    /// for them, or about their own post (a moderator hid it, or turned it down) as long as they did not delete it.</summary>
    public static IQueryable<Notification> VisibleTo(this ICommunityDb db, Viewer viewer)
    {
        var me = viewer.MemberId!.Value;
        var listed = db.Posts.Where(ConversationPolicy.Listed<Post>(viewer));
        var threads = db.Threads.Where(ConversationPolicy.ThreadOpenTo(viewer));
        return db.Notifications.Where(n => n.RecipientId == me
            && threads.Any(t => t.Id == n.ThreadId)
            && (n.PostId == null
                || listed.Any(p => p.Id == n.PostId)
                || db.Posts.Any(p => p.Id == n.PostId && p.AuthorId == me && (p.DeletedAt == null || p.RejectedAt != null))));
    }
}
