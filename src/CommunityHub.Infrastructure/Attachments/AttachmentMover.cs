using CommunityHub.Application.Attachments;
using CommunityHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityHub.Infrastructure.Attachments;

/// <summary>Moves attachments' bytes between the database and the configured S3-compatible bucket
/// (<c>./run.sh move-attachments to-s3|to-database</c>). Each copy is written to the destination before it is removed
/// from the source, a batch at a time, so an interrupted move loses nothing and can simply be run again.</summary>
public sealed class AttachmentMover(CommunityDbContext db, IOptions<AttachmentOptions> options, ILogger<AttachmentMover> logger)
{
    private const int BatchSize = 100;

    /// <summary>Every copy in the database goes to the bucket. Returns how many moved.</summary>
    public async Task<int> ToBucketAsync(CancellationToken cancellationToken)
    {
        using var bucket = new S3Bucket(options);
        var moved = 0;
        while (true)
        {
            var batch = await db.AttachmentBlobs.AsNoTracking().OrderBy(b => b.Key).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            var types = await TypesOfAsync(batch.Select(b => b.Key), cancellationToken);
            foreach (var blob in batch)
            {
                await bucket.PutAsync(blob.Key, blob.Content, types.GetValueOrDefault(IdOf(blob.Key)) ?? "application/octet-stream", cancellationToken);
            }

            var keys = batch.Select(b => b.Key).ToList();
            await db.AttachmentBlobs.Where(b => keys.Contains(b.Key)).ExecuteDeleteAsync(cancellationToken);
            moved += batch.Count;
            logger.LogInformation("Moved {Count} attachment copies to the bucket", moved);
        }

        return moved;
    }

    /// <summary>Every copy the attachments table names is fetched from the bucket into the database, then removed from
    /// the bucket. Returns how many moved.</summary>
    public async Task<int> ToDatabaseAsync(CancellationToken cancellationToken)
    {
        using var bucket = new S3Bucket(options);
        var moved = 0;
        var keys = new List<string>();
        await foreach (var key in bucket.KeysAsync(cancellationToken))
        {
            keys.Add(key);
        }

        foreach (var chunk in keys.Chunk(BatchSize))
        {
            foreach (var key in chunk)
            {
                if (await bucket.GetAsync(key, cancellationToken) is { } content
                    && !await db.AttachmentBlobs.AnyAsync(b => b.Key == key, cancellationToken))
                {
                    db.AttachmentBlobs.Add(new AttachmentBlob(key, content));
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            foreach (var key in chunk)
            {
                await bucket.DeleteAsync(key, cancellationToken);
            }

            moved += chunk.Length;
            logger.LogInformation("Moved {Count} attachment copies to the database", moved);
        }

        return moved;
    }

    private static Guid IdOf(string key) => Guid.TryParseExact(key.Split('/')[0], "N", out var id) ? id : Guid.Empty;

    private async Task<Dictionary<Guid, string>> TypesOfAsync(IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var ids = keys.Select(IdOf).Distinct().ToList();
        return await db.Attachments.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.MediaType, cancellationToken);
    }
}
