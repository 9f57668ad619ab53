using System.Globalization;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Persistence;
using CommunityHub.Domain.Attachments;
using CommunityHub.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Attachments;

/// <summary>The one way a file becomes an attachment, for the upload endpoint and for a form posted with files alike:
/// its type told by its bytes, checked against the settings (kind, size, pixels, the member's quota), an image
/// re-encoded with a display size and a thumbnail, the copies put in the store and the row added — all saved by the
/// caller's unit of work. Anything refused throws a <see cref="DomainException"/> that names the file and says why.</summary>
public sealed class AttachmentIntake(ICommunityDb db, IAttachmentStore store, IImageProcessor images, IOptions<AttachmentOptions> options, TimeProvider clock)
    : IUnitOfWorkParticipant
{
    private long? _heldBytes;

    private static readonly Dictionary<string, FileType> ImageKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["png"] = FileType.Png,
        ["jpg"] = FileType.Jpeg,
        ["jpeg"] = FileType.Jpeg,
        ["gif"] = FileType.Gif,
        ["webp"] = FileType.WebP,
    };

    private static readonly Dictionary<string, FileType> FileKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pdf"] = FileType.Pdf,
        ["zip"] = FileType.Zip,
        ["txt"] = FileType.Text,
        ["log"] = FileType.Text,
        ["csv"] = FileType.Text,
        ["md"] = FileType.Text,
        ["json"] = FileType.Text,
    };

    public async Task<Attachment> AcceptAsync(Guid ownerId, Upload upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var settings = options.Value;
        var shown = Attachment.Name(upload.FileName, FileType.Unknown);
        var content = upload.Content;
        if (content.Length == 0)
        {
            throw new DomainException($"\"{shown}\" is empty.");
        }

        var type = FileType.Detect(content);
        if (type == FileType.Markup)
        {
            throw new DomainException($"\"{shown}\" is SVG or HTML, which can carry scripts, so it is not accepted. Attach a PNG or JPEG screenshot, or put the file in a .zip.");
        }

        Attachment attachment;
        var id = Guid.NewGuid();
        var now = clock.GetUtcNow();
        if (type.IsImage)
        {
            CheckImage(content, type, shown, settings);
            var image = images.Process(content, type, shown, settings.MaxImagePixels, settings.DisplayMaxWidth, settings.ThumbnailMaxSize);
            var stored = (long)image.Original.Length + image.Display.Content.Length + image.Thumbnail.Content.Length;
            await EnsureRoomAsync(ownerId, stored, shown, cancellationToken);
            attachment = Attachment.UploadImage(id, ownerId, upload.FileName, image.Type, image.Original.Length, (image.Width, image.Height), (image.Display.Width, image.Display.Height), stored, now);
            store.Put(attachment.StorageKey(AttachmentVariant.Original), image.Original, image.Type.MediaType);
            store.Put(attachment.StorageKey(AttachmentVariant.Display), image.Display.Content, image.Type.MediaType);
            store.Put(attachment.StorageKey(AttachmentVariant.Thumbnail), image.Thumbnail.Content, image.Type.MediaType);
        }
        else
        {
            var extension = Attachment.ExtensionOf(upload.FileName);
            if (!settings.AcceptedFileTypes.Contains(extension, StringComparer.OrdinalIgnoreCase) || !FileKinds.TryGetValue(extension, out var expected))
            {
                throw new DomainException($"\"{shown}\": {(extension.Length == 0 ? "files without an extension" : $".{extension} files")} are not accepted here. Accepted: {Accepted(settings)}.");
            }

            if (type != expected)
            {
                throw new DomainException($"\"{shown}\" is called a .{extension} file, but its contents are not one. Attach the file itself, or put it in a .zip.");
            }

            if (content.Length > settings.MaxFileBytes)
            {
                throw new DomainException($"\"{shown}\" is {Size(content.Length)}; files can be at most {Size(settings.MaxFileBytes)}.");
            }

            await EnsureRoomAsync(ownerId, content.Length, shown, cancellationToken);
            var served = extension is "csv" ? new FileType("text/csv", "csv", false) : type;
            attachment = Attachment.Upload(id, ownerId, upload.FileName, served, content.Length, now);
            store.Put(attachment.StorageKey(AttachmentVariant.Original), content, served.MediaType);
        }

        db.Attachments.Add(attachment);
        return attachment;
    }

    /// <summary>An image as it arrived, checked before anything decodes it: its type told by its bytes (and one this
    /// community accepts), its size, and the pixels its header declares (a decompression bomb is refused here). Used by
    /// every intake of an image: attachments and avatars.</summary>
    public ReadImage ReadImage(Upload upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var settings = options.Value;
        var shown = Attachment.Name(upload.FileName, FileType.Unknown);
        var content = upload.Content;
        if (content.Length == 0)
        {
            throw new DomainException($"\"{shown}\" is empty.");
        }

        var type = FileType.Detect(content);
        if (!type.IsImage)
        {
            throw new DomainException($"\"{shown}\" is not a picture. Choose an image: {string.Join(", ", settings.AcceptedImageTypes.Select(t => t.ToUpperInvariant()))}.");
        }

        CheckImage(content, type, shown, settings);
        return new ReadImage(shown, type, content);
    }

    private static void CheckImage(byte[] content, FileType type, string shown, AttachmentOptions settings)
    {
        if (!settings.AcceptedImageTypes.Any(t => ImageKinds.TryGetValue(t, out var kind) && kind == type))
        {
            throw new DomainException($"\"{shown}\" is a {type.Extension.ToUpperInvariant()} image, which this community does not accept. Accepted: {Accepted(settings)}.");
        }

        if (content.Length > settings.MaxImageBytes)
        {
            throw new DomainException($"\"{shown}\" is {Size(content.Length)}; images can be at most {Size(settings.MaxImageBytes)}.");
        }

        var declared = ImageHeader.TryReadSize(content)
            ?? throw new DomainException($"\"{shown}\" is not a readable image: it may be damaged or cut short.");
        if ((long)declared.Width * declared.Height > settings.MaxImagePixels)
        {
            throw new DomainException(string.Create(CultureInfo.InvariantCulture,
                $"\"{shown}\" is {declared.Width:N0} × {declared.Height:N0} pixels; images can have at most {settings.MaxImagePixels / 1_000_000.0:0.#} million pixels."));
        }
    }

    private async Task EnsureRoomAsync(Guid ownerId, long bytes, string shown, CancellationToken cancellationToken)
    {
        // What the member holds is read once per use case; what this use case adds is counted as it goes.
        _heldBytes ??= await db.Attachments.Where(a => a.OwnerId == ownerId).SumAsync(a => (long?)a.StoredBytes, cancellationToken) ?? 0;
        var quota = options.Value.QuotaBytesPerMember;
        if (_heldBytes + bytes > quota)
        {
            throw new DomainException($"\"{shown}\" does not fit: your files take {Size(_heldBytes.Value)} of your {Size(quota)}. Remove attachments from old posts, or attach something smaller.");
        }

        _heldBytes += bytes;
    }

    public Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Forgets the quota read: a retried use case reads it again.</summary>
    public void Reset() => _heldBytes = null;

    private static string Accepted(AttachmentOptions settings) =>
        string.Join(", ", settings.AcceptedImageTypes.Select(t => t.ToUpperInvariant()).Concat(settings.AcceptedFileTypes.Select(t => $".{t.ToLowerInvariant()}")));

    /// <summary>A byte count as people read it: "820 KB", "12.4 MB".</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
    };
}

/// <summary>An image that passed <see cref="AttachmentIntake.ReadImage"/>: the name to quote back, its type, its bytes.</summary>
public sealed record ReadImage(string ShownName, FileType Type, byte[] Content);
