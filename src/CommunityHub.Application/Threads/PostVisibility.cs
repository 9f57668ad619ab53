using System.Linq.Expressions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Threads;

namespace CommunityHub.Application.Threads;

/// <summary>Which posts a viewer may find in lists that quote them out of their thread (search, feeds,
/// notifications, digests): never a staff note to a member, never a hidden post to anyone but moderators,
/// never a deleted one. A thread page shows hidden and deleted posts as placeholders instead.</summary>
public static class PostVisibility
{
    public static Expression<Func<Post, bool>> ListedFor(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var seesStaffNotes = viewer.SeesStaffNotes;
        var seesHidden = viewer.SeesHiddenPosts;
        return p => p.DeletedAt == null
            && (seesStaffNotes || !p.IsStaffNote)
            && (seesHidden || p.HiddenAt == null);
    }

    /// <summary>Whether the viewer may read a staff note at all, on any page.</summary>
    public static Expression<Func<Post, bool>> ReadableBy(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var seesStaffNotes = viewer.SeesStaffNotes;
        return p => seesStaffNotes || !p.IsStaffNote;
    }
}
