using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Attachments;

/// <summary>Removes uploads that were never posted, a day (<see cref="AttachmentOptions.UnpostedLifetime"/>) after they
/// were uploaded: their rows and their stored copies. Run by a background service; answers how many went.</summary>
public static class RemoveUnpostedAttachments
{
    public const int BatchSize = 200;

    public sealed class Command : ICommand<int>;

    public sealed class Handler(ICommunityDb db, IAttachmentStore store, IOptions<AttachmentOptions> options, TimeProvider clock) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var before = clock.GetUtcNow() - options.Value.UnpostedLifetime;
            var stale = await db.Attachments.Where(a => a.PostId == null && a.UploadedAt < before)
                .OrderBy(a => a.UploadedAt).Take(BatchSize).ToListAsync(cancellationToken);
            if (stale.Count == 0)
            {
                return 0;
            }

            await store.DeleteAsync([.. stale.SelectMany(a => a.StorageKeys)], cancellationToken);
            db.Attachments.RemoveRange(stale);
            return stale.Count;
        }
    }
}
