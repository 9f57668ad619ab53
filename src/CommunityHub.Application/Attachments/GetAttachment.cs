using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Attachments;
using CommunityHub.Domain.Threads;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Attachments;

/// <summary>One copy of an attachment, for whoever may open it (<see cref="ConversationPolicy.MayOpenAttachment"/>):
/// to anyone else it does not exist (404), so that a staff note's or a hidden post's files do not even show they are there.</summary>
public static class GetAttachment
{
    public sealed record Query(Guid Id, AttachmentVariant Variant) : IRequest<StoredFile>;

    /// <param name="Inline">An image shown in the page; anything else is a download.</param>
    public sealed record StoredFile(byte[] Content, string MediaType, string FileName, bool Inline, DateTimeOffset UploadedAt);

    public sealed class Handler(ICommunityDb db, IAttachmentStore store, ICurrentUser currentUser) : IRequestHandler<Query, StoredFile>
    {
        public async Task<StoredFile> Handle(Query request, CancellationToken cancellationToken)
        {
            var viewer = currentUser.Viewer();
            // A post the viewer does not meet on its thread page (a staff note, a post in a space closed to them)
            // is, for its files, as if it were not there.
            var readable = db.Posts.Where(ConversationPolicy.OnThreadPage<Post>(viewer));
            var found = await (
                    from a in db.Attachments.AsNoTracking()
                    where a.Id == request.Id
                    join p in readable on a.PostId equals (long?)p.Id into posts
                    from p in posts.DefaultIfEmpty()
                    select new
                    {
                        Attachment = a,
                        Post = p == null ? null : new PostSnapshot(p.AuthorId, p.IsOpeningPost, p.IsStaffNote, p.HiddenAt, p.DeletedAt, p.AwaitingApproval),
                    })
                .FirstOrDefaultAsync(cancellationToken);
            if (found is null
                || (found.Attachment.PostId is not null && found.Post is null)
                || !ConversationPolicy.MayOpenAttachment(viewer, found.Post, found.Attachment.OwnerId)
                || (!found.Attachment.IsImage && request.Variant != AttachmentVariant.Original))
            {
                throw new NotFoundException("Attachment", request.Id);
            }

            var attachment = found.Attachment;
            var content = await store.GetAsync(attachment.StorageKey(request.Variant), cancellationToken)
                ?? throw new NotFoundException("Attachment", request.Id);
            return new StoredFile(content, attachment.MediaType, attachment.FileName, attachment.IsImage, attachment.UploadedAt);
        }
    }
}
