using CommunityHub.Application.Attachments;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Domain.Members;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Avatars;

/// <summary>Removing an avatar that is no longer shown (replaced, taken down, its member gone): its row and every stored
/// copy, in whichever store holds them (a bucket's once the use case has committed).</summary>
public static class AvatarCopies
{
    public static async Task RemoveAsync(ICommunityDb db, IAttachmentStore store, Guid avatarId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(store);
        await store.DeleteAsync([.. Avatar.Sizes.Select(size => Avatar.StorageKey(avatarId, size))], cancellationToken);
        await db.Avatars.Where(a => a.Id == avatarId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Every picture a member ever had that is still stored (normally one).</summary>
    public static async Task RemoveAllOfAsync(ICommunityDb db, IAttachmentStore store, Guid memberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(store);
        var ids = await db.Avatars.Where(a => a.MemberId == memberId).Select(a => a.Id).ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            await RemoveAsync(db, store, id, cancellationToken);
        }
    }
}
