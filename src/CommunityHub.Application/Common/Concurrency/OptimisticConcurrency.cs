using System.Linq.Expressions;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Moderation;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Common.Concurrency;

/// <summary>Two people editing the same thing from the same version: the first save wins, the second is told
/// (on its form, with <c>conflictMessage</c>) instead of silently overwriting it. The form carries the version it
/// started from; the check is made when the row is read and again by the UPDATE itself, which only matches the
/// row while it still has that version (EF reports no row matched as a concurrency conflict).</summary>
internal static class OptimisticConcurrency
{
    /// <summary>Refuses an edit started from another version than <paramref name="current"/>.</summary>
    public static void EnsureUnchanged<TVersion>(TVersion current, TVersion startedFrom, string conflictMessage)
        where TVersion : struct, IEquatable<TVersion>
    {
        if (!current.Equals(startedFrom))
        {
            throw PostingRights.Refusal(conflictMessage);
        }
    }

    /// <summary>Saves <paramref name="entity"/> only while its row is still at <paramref name="startedFrom"/>.</summary>
    public static async Task SaveFromVersionAsync<TEntity, TVersion>(
        this ICommunityDb db, TEntity entity, Expression<Func<TEntity, TVersion>> version, TVersion startedFrom, string conflictMessage, CancellationToken cancellationToken)
        where TEntity : class
        where TVersion : struct, IEquatable<TVersion>
    {
        db.Entry(entity).Property(version).OriginalValue = startedFrom;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw PostingRights.Refusal(conflictMessage);
        }
    }
}
