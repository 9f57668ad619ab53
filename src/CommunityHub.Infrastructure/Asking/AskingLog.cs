using CommunityHub.Application.Asking;
using CommunityHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Infrastructure.Asking;

/// <summary>One statement each, in the caller's transaction: an insert that a second fetch of the same form leaves
/// alone, and an update that keeps the first suggestion opened.</summary>
internal sealed class AskingLog(CommunityDbContext db) : IAskingLog
{
    public Task ShownAsync(Guid formId, Guid memberId, int spaceId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO asking_forms (form_id, member_id, space_id, shown_at) VALUES ({formId}, {memberId}, {spaceId}, {now})
            ON CONFLICT (form_id) DO NOTHING
            """,
            cancellationToken);

    public Task OpenedAsync(Guid formId, Guid memberId, long threadId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""
            UPDATE asking_forms SET opened_thread_id = {threadId}, opened_at = {now}
            WHERE form_id = {formId} AND member_id = {memberId} AND opened_at IS NULL
            """,
            cancellationToken);
}
