using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Domain.Moderation;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Moderation;

internal static class Flags
{
    /// <summary>Saves a change to a post; when someone else changed the post meanwhile (its version moved on),
    /// says so instead of failing with an error page.</summary>
    public static async Task SavePostChangeAsync(this ICommunityDb db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw PostingRights.Refusal("Someone changed this post while you were acting on it. Reload the page and try again.");
        }
    }

    /// <summary>Whatever a moderator does about a post settles every open flag on it: one decision, not one per reporter.</summary>
    public static async Task SettleAsync(ICommunityDb db, long postId, Guid moderatorId, FlagResolution resolution, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = await db.Flags.Where(f => f.PostId == postId && f.ResolvedAt == null).ToListAsync(cancellationToken);
        foreach (var flag in open)
        {
            flag.Resolve(moderatorId, resolution, now);
        }
    }
}
