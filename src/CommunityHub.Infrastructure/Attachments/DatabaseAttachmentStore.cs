using CommunityHub.Application.Attachments;
using CommunityHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Infrastructure.Attachments;

/// <summary>The default store: bytes in a PostgreSQL table, written in the use case's own transaction, so every
/// instance sees every file and a database backup holds them.</summary>
public sealed class DatabaseAttachmentStore(CommunityDbContext db) : IAttachmentStore
{
    public void Put(string key, byte[] content, string mediaType) => db.AttachmentBlobs.Add(new AttachmentBlob(key, content));

    public Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken) =>
        db.AttachmentBlobs.AsNoTracking().Where(b => b.Key == key).Select(b => b.Content).FirstOrDefaultAsync(cancellationToken);

    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var list = keys.ToList();
        await db.AttachmentBlobs.Where(b => list.Contains(b.Key)).ExecuteDeleteAsync(cancellationToken);
    }
}
