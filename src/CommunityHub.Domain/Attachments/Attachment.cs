using CommunityHub.Domain.Common;

namespace CommunityHub.Domain.Attachments;

/// <summary>The stored copies of an attachment: the file itself (for an image, re-encoded without its metadata), and for
/// an image a display size and a thumbnail.</summary>
public enum AttachmentVariant
{
    Original,
    Display,
    Thumbnail,
}

/// <summary>A file a member uploaded, pending until it is posted with a thread or reply (then it belongs to that post
/// and is served to whoever may read the post: <see cref="Threads.ConversationPolicy.MayOpenAttachment"/>).
/// The bytes live in the attachment store under <see cref="StorageKey"/>; the row holds what pages need to show it
/// without opening it (name, type, size, dimensions). Its id is random: addresses cannot be guessed.</summary>
public sealed class Attachment
{
    public const int FileNameMaxLength = 120;

    private Attachment(Guid id, Guid ownerId, string fileName, string mediaType, bool isImage, long size, DateTimeOffset uploadedAt)
    {
        Id = id;
        OwnerId = ownerId;
        FileName = fileName;
        MediaType = mediaType;
        IsImage = isImage;
        Size = size;
        UploadedAt = uploadedAt;
    }

    public Guid Id { get; private set; }

    /// <summary>Who uploaded it: the only one who may post it, or see it before it is posted.</summary>
    public Guid OwnerId { get; private set; }

    /// <summary>The post it was published with; null while pending.</summary>
    public long? PostId { get; private set; }

    /// <summary>The name it is offered under: the uploader's, cleaned, with the extension of what it really is.</summary>
    public string FileName { get; private set; }

    /// <summary>The type of the stored file, detected from its bytes.</summary>
    public string MediaType { get; private set; }

    /// <summary>A raster image shown inline; anything else is a download.</summary>
    public bool IsImage { get; private set; }

    /// <summary>Bytes of the stored original (what counts against the member's quota, with the image's smaller copies).</summary>
    public long Size { get; private set; }

    /// <summary>Bytes of every copy stored, for the quota.</summary>
    public long StoredBytes { get; private set; }

    public int? Width { get; private set; }

    public int? Height { get; private set; }

    public int? DisplayWidth { get; private set; }

    public int? DisplayHeight { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    public DateTimeOffset? PostedAt { get; private set; }

    /// <summary>Its place among the post's files, as the poster sent them.</summary>
    public int Position { get; private set; }

    public static Attachment Upload(Guid id, Guid ownerId, string fileName, FileType type, long size, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.IsImage)
        {
            throw new ArgumentException("An image is uploaded with its sizes: use UploadImage.", nameof(type));
        }

        return new Attachment(id, ownerId, Name(fileName, type), type.MediaType, false, size, now) { StoredBytes = size };
    }

    public static Attachment UploadImage(Guid id, Guid ownerId, string fileName, FileType type, long size, (int Width, int Height) original, (int Width, int Height) display, long storedBytes, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(type);
        return new Attachment(id, ownerId, Name(fileName, type), type.MediaType, true, size, now)
        {
            Width = original.Width,
            Height = original.Height,
            DisplayWidth = display.Width,
            DisplayHeight = display.Height,
            StoredBytes = storedBytes,
        };
    }

    /// <summary>Publishes the upload with its owner's post. Someone else's upload, or one posted already, cannot be.</summary>
    public void AttachTo(long postId, int position, Guid by, DateTimeOffset now)
    {
        if (by != OwnerId)
        {
            throw new ForbiddenException("Only the member who uploaded a file can post it.");
        }

        if (PostId is not null)
        {
            throw new DomainException($"\"{FileName}\" is attached to another post already.");
        }

        PostId = postId;
        Position = position;
        PostedAt = now;
    }

    public string StorageKey(AttachmentVariant variant) => $"{Id:N}/{variant.ToString().ToLowerInvariant()}";

    /// <summary>Every key the attachment's copies are stored under.</summary>
    public IReadOnlyList<string> StorageKeys =>
        IsImage ? [StorageKey(AttachmentVariant.Original), StorageKey(AttachmentVariant.Display), StorageKey(AttachmentVariant.Thumbnail)]
            : [StorageKey(AttachmentVariant.Original)];

    /// <summary>A file name safe to offer: no folders, no control characters, not too long, never empty, and ending in
    /// the extension of what the file is (a "photo.png" that is a JPEG is offered as "photo.jpg").</summary>
    public static string Name(string? uploaded, FileType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var name = (uploaded ?? string.Empty).Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string([.. name.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or ':' or '*' or '?' or '|') && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format)]).Trim().Trim('.');
        var dot = name.LastIndexOf('.');
        var stem = dot > 0 ? name[..dot] : name;
        var extension = type.IsImage ? type.Extension : (dot > 0 ? name[(dot + 1)..].ToLowerInvariant() : type.Extension);
        if (string.IsNullOrWhiteSpace(stem))
        {
            stem = "attachment";
        }

        var maxStem = FileNameMaxLength - extension.Length - 1;
        return $"{(stem.Length > maxStem ? stem[..maxStem] : stem).Trim()}.{extension}";
    }

    /// <summary>The extension of the name the uploader gave, lower case ("" when none).</summary>
    public static string ExtensionOf(string? uploaded)
    {
        var name = (uploaded ?? string.Empty).Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..].Trim().TrimEnd('.');
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name[(dot + 1)..].ToLowerInvariant() : string.Empty;
    }
}
