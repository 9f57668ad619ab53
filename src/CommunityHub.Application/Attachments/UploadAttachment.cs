using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using MediatR;

namespace CommunityHub.Application.Attachments;

/// <summary>A member uploads a file before posting (the composer's paste and drag-and-drop): it is kept pending, theirs
/// alone, until a post references it, and removed after a day if none does.</summary>
public static class UploadAttachment
{
    [Authorize]
    public sealed class Command : ICommand<AttachmentView>
    {
        public Upload File { get; set; } = new(string.Empty, []);
    }

    public sealed class Handler(ICurrentUser currentUser, AttachmentIntake intake) : IRequestHandler<Command, AttachmentView>
    {
        public async Task<AttachmentView> Handle(Command request, CancellationToken cancellationToken)
        {
            var me = currentUser.Viewer().MemberId!.Value;
            var attachment = await intake.AcceptAsync(me, request.File, cancellationToken);
            return AttachmentView.Of(attachment);
        }
    }
}

/// <summary>An attachment as pages show it: enough to lay it out (name, type, size, display dimensions) without opening it.</summary>
public sealed record AttachmentView(Guid Id, string FileName, string MediaType, bool IsImage, long Size, int? DisplayWidth, int? DisplayHeight)
{
    public string SizeText => AttachmentIntake.Size(Size);

    public static AttachmentView Of(Domain.Attachments.Attachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return new(attachment.Id, attachment.FileName, attachment.MediaType, attachment.IsImage, attachment.Size, attachment.DisplayWidth, attachment.DisplayHeight);
    }
}
