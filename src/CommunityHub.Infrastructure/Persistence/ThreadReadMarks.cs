using CommunityHub.Application.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Infrastructure.Persistence;

/// <summary>The read mark moves forward only (GREATEST), whatever order two tabs report in; one statement with the
/// notifications it settles.</summary>
public sealed class ThreadReadMarks(CommunityDbContext db) : IThreadReadMarks
{
    public Task MarkReadAsync(Guid memberId, long threadId, long upToPostId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""
            WITH mark AS (
                INSERT INTO thread_read_marks (member_id, thread_id, last_read_post_id, read_at)
                VALUES ({memberId}, {threadId}, {upToPostId}, {now})
                ON CONFLICT (member_id, thread_id) DO UPDATE
                SET last_read_post_id = GREATEST(thread_read_marks.last_read_post_id, EXCLUDED.last_read_post_id),
                    read_at = EXCLUDED.read_at)
            UPDATE notifications SET read_at = {now}
            WHERE recipient_id = {memberId} AND thread_id = {threadId} AND read_at IS NULL
              AND (post_id IS NULL OR post_id <= {upToPostId})
            """,
            cancellationToken);
}
