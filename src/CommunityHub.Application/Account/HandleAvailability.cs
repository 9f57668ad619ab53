using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Domain.Members;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Account;

/// <summary>Which handles are free: neither anyone's current handle nor one a member used before (those keep
/// leading to that member).</summary>
public static class HandleAvailability
{
    public static async Task<bool> IsTakenByOtherAsync(ICommunityDb db, string handle, Guid me, CancellationToken cancellationToken) =>
        await db.Members.AnyAsync(m => m.Handle == handle && m.Id != me, cancellationToken)
        || await db.FormerHandles.AnyAsync(f => f.Handle == handle && f.MemberId != me, cancellationToken)
        // A group's @handle too: an @mention must lead to one place, and SetGroupMentions refuses members' handles.
        || await db.Groups.AnyAsync(g => g.MentionHandle == handle, cancellationToken);

    /// <summary>The handle suggested by the display name, numbered (alice-chen-2) when it is taken.</summary>
    public static async Task<string> FreeAsync(ICommunityDb db, string displayName, CancellationToken cancellationToken)
    {
        var suggested = MemberHandle.Suggest(displayName);
        var prefix = suggested + "-";
        var current = await db.Members.Where(m => m.Handle == suggested || m.Handle.StartsWith(prefix)).Select(m => m.Handle).ToListAsync(cancellationToken);
        var former = await db.FormerHandles.Where(f => f.Handle == suggested || f.Handle.StartsWith(prefix)).Select(f => f.Handle).ToListAsync(cancellationToken);
        var groups = await db.Groups.Where(g => g.MentionHandle == suggested || g.MentionHandle!.StartsWith(prefix)).Select(g => g.MentionHandle!).ToListAsync(cancellationToken);
        var taken = current.Concat(former).Concat(groups).ToHashSet(StringComparer.Ordinal);
        var attempt = 1;
        while (taken.Contains(MemberHandle.Numbered(suggested, attempt)))
        {
            attempt++;
        }

        return MemberHandle.Numbered(suggested, attempt);
    }
}
