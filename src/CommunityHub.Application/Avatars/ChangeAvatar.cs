using CommunityHub.Application.Attachments;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Attachments;
using CommunityHub.Domain.Members;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Avatars;

/// <summary>A member puts up a picture: checked as every image is (type from the bytes, size, the pixels declared, before
/// anything decodes it), decoded, its metadata left behind, centre-cropped to a square and stored as WebP at each of
/// <see cref="Avatar.Sizes"/>. The picture it replaces is removed, copies and all. Only the member themself changes it.
/// The order is safe with a bucket: the new copies are stored before the commit that points the member at them, and
/// the old ones are deleted only after it (<see cref="IAttachmentStore.DeleteAsync"/>), so a bucket that fails leaves
/// the old picture shown.</summary>
public static class ChangeAvatar
{
    [Authorize]
    public sealed class Command : ICommand<Guid>
    {
        /// <summary>Whose picture; empty is the member asking (anyone else is refused by <see cref="Member.ChangeAvatar"/>).</summary>
        public Guid MemberId { get; set; }

        public Upload File { get; set; } = new(string.Empty, []);
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, AttachmentIntake intake, IImageProcessor images, IAttachmentStore store,
        IOptions<AttachmentOptions> options, TimeProvider clock) : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command request, CancellationToken cancellationToken)
        {
            var viewer = currentUser.Viewer();
            var memberId = request.MemberId == Guid.Empty ? viewer.MemberId!.Value : request.MemberId;
            var member = await db.Members.FirstOrDefaultAsync(m => m.Id == memberId, cancellationToken)
                ?? throw new NotFoundException("Member", memberId);
            var previous = member.AvatarId;
            // Who may is asked before any work on the bytes.
            var avatar = member.ChangeAvatar(viewer, Guid.NewGuid(), FileType.WebP.MediaType, clock.GetUtcNow());

            var image = intake.ReadImage(request.File);
            var copies = images.Square(image.Content, image.Type, image.ShownName, options.Value.MaxImagePixels, Avatar.Sizes);
            for (var i = 0; i < copies.Count; i++)
            {
                store.Put(avatar.StorageKey(Avatar.Sizes[i]), copies[i].Content, avatar.ContentType);
            }

            db.Avatars.Add(avatar);
            if (previous is { } old)
            {
                await AvatarCopies.RemoveAsync(db, store, old, cancellationToken);
            }

            return avatar.Id;
        }
    }
}
