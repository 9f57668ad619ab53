using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Domain.Ties;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Ties;

/// <summary>A member's tie preferences, made (with their defaults) the first time the member changes one.</summary>
internal static class TiePreferencesOf
{
    public static async Task<TiePreferences> MemberAsync(ICommunityDb db, Guid memberId, CancellationToken cancellationToken)
    {
        var preferences = await db.TiePreferences.FirstOrDefaultAsync(p => p.MemberId == memberId, cancellationToken);
        if (preferences is null)
        {
            preferences = TiePreferences.For(memberId);
            db.TiePreferences.Add(preferences);
        }

        return preferences;
    }
}
