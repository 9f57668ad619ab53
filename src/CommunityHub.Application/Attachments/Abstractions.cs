using CommunityHub.Domain.Attachments;

namespace CommunityHub.Application.Attachments;

/// <summary>Where attachments' bytes live, behind one small interface: PostgreSQL (default) or an S3-compatible bucket.
/// What is put during a use case is stored with it: in its transaction (the database), or just before it commits
/// (a bucket; a failure there fails the use case, so no post is published with a missing file). What is deleted goes
/// with it too: in its transaction, or from a bucket only once the transaction has committed, so a use case that fails
/// never leaves a row pointing at copies that are gone (a failed delete leaves an orphan, never a broken picture).</summary>
public interface IAttachmentStore
{
    /// <summary>Stores <paramref name="content"/> under <paramref name="key"/> with the unit of work.</summary>
    void Put(string key, byte[] content, string mediaType);

    /// <summary>The bytes under <paramref name="key"/>; null when there are none.</summary>
    Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the keys (missing ones are no error) with the unit of work: the database in its transaction, a
    /// bucket after the commit (best effort, logged when it fails).</summary>
    Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);
}

/// <summary>A file as it arrived: the name the sender gave it and its bytes.</summary>
public sealed record Upload(string FileName, byte[] Content);

/// <summary>An image made safe to serve: re-encoded (which leaves EXIF, GPS and every other metadata behind), with a
/// display size and a thumbnail.</summary>
public sealed record ProcessedImage(FileType Type, int Width, int Height, byte[] Original, EncodedImage Display, EncodedImage Thumbnail);

public sealed record EncodedImage(byte[] Content, int Width, int Height);

/// <summary>Decodes and re-encodes images (SkiaSharp in Infrastructure).</summary>
public interface IImageProcessor
{
    /// <summary>Processes an image whose header was checked already. Throws <see cref="Domain.Common.DomainException"/>
    /// with a sentence for the member when it cannot be used (damaged, animated, larger than declared).</summary>
    ProcessedImage Process(byte[] content, FileType type, string shownName, long maxPixels, int displayMaxWidth, int thumbnailMaxSize);

    /// <summary>An avatar: the image turned upright, centre-cropped to a square and encoded as WebP at each of
    /// <paramref name="sizes"/> (in that order), its metadata left behind. Throws like <see cref="Process"/>.</summary>
    IReadOnlyList<EncodedImage> Square(byte[] content, FileType type, string shownName, long maxPixels, IReadOnlyList<int> sizes);
}
