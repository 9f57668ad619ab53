using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Domain.Attachments;
using CommunityHub.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Attachments;

/// <summary>The files a new thread or reply is posted with: those sent with the form (taken in through
/// <see cref="AttachmentIntake"/>) and those uploaded beforehand by script (pending, and the poster's own), published
/// with the post in the same unit of work.</summary>
public sealed class PostAttachments(ICommunityDb db, AttachmentIntake intake, IOptions<AttachmentOptions> options)
{
    public const string NotAvailable = "An attached file is no longer available (uploads not posted within a day are removed). Attach it again.";

    public async Task<IReadOnlyList<Attachment>> GatherAsync(Guid poster, IReadOnlyList<Upload>? files, IReadOnlyList<Guid>? uploadedIds, CancellationToken cancellationToken)
    {
        var sent = files?.Where(f => f.Content.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList() ?? [];
        var ids = uploadedIds?.Where(i => i != Guid.Empty).Distinct().ToList() ?? [];
        if (sent.Count == 0 && ids.Count == 0)
        {
            return [];
        }

        var most = options.Value.MaxFilesPerPost;
        if (sent.Count + ids.Count > most)
        {
            throw new DomainException($"A post can carry at most {most} files; this one has {sent.Count + ids.Count}.");
        }

        var gathered = new List<Attachment>(sent.Count + ids.Count);
        if (ids.Count > 0)
        {
            // Someone else's upload, or one posted already, is as unavailable as one that was cleaned up.
            var pending = await db.Attachments.Where(a => ids.Contains(a.Id) && a.OwnerId == poster && a.PostId == null).ToListAsync(cancellationToken);
            if (pending.Count != ids.Count)
            {
                throw new DomainException(NotAvailable);
            }

            gathered.AddRange(ids.Select(id => pending.Single(a => a.Id == id)));
        }

        foreach (var file in sent)
        {
            gathered.Add(await intake.AcceptAsync(poster, file, cancellationToken));
        }

        return gathered;
    }
}
