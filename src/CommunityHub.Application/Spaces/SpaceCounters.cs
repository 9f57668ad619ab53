using CommunityHub.Application.Common.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Spaces;

/// <summary>Recomputes spaces' thread counts and latest activity from their threads, in SQL.</summary>
internal static class SpaceCounters
{
    public static Task<int> RecountAsync(ICommunityDb db, IReadOnlyCollection<int> spaceIds, CancellationToken cancellationToken) =>
        db.Spaces.Where(s => spaceIds.Contains(s.Id)).ExecuteUpdateAsync(
            s => s.SetProperty(x => x.ThreadCount, x => db.Threads.Count(t => t.SpaceId == x.Id))
                  .SetProperty(x => x.LastActivityAt, x => db.Threads.Where(t => t.SpaceId == x.Id).Max(t => (DateTimeOffset?)t.LastActivityAt))
                  .SetProperty(x => x.LastActiveThreadId, x => db.Threads.Where(t => t.SpaceId == x.Id)
                      .OrderByDescending(t => t.LastActivityAt).ThenByDescending(t => t.Id).Select(t => (long?)t.Id).FirstOrDefault()),
            cancellationToken);
}
