namespace CommunityHub.Application.Attachments;

/// <summary>What members may attach, and how much (the <c>Attachments</c> section).</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    /// <summary>Largest image accepted, in bytes (10 MB).</summary>
    public long MaxImageBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Largest other file accepted, in bytes (10 MB).</summary>
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Most pixels an image may declare (width × height): larger ones are refused before decoding, as a
    /// small compressed file can claim gigabytes of pixels. 50 megapixels by default.</summary>
    public long MaxImagePixels { get; set; } = 50_000_000;

    /// <summary>Image formats accepted, by extension (the bytes decide what a file is; this says which kinds are welcome).
    /// Known: png, jpg, gif, webp. SVG is never accepted: it can carry scripts.
    /// (Unset by default rather than pre-filled: the configuration binder adds to a filled list instead of replacing it.)</summary>
    public IList<string>? ImageTypes { get; set; }

    public IReadOnlyList<string> AcceptedImageTypes => ImageTypes is { Count: > 0 } set ? [.. set] : ["png", "jpg", "gif", "webp"];

    /// <summary>Other files accepted, by extension; each must also be what it says. Known: pdf, zip, and the text
    /// kinds txt, log, csv, md, json. HTML is never accepted.</summary>
    public IList<string>? FileTypes { get; set; }

    public IReadOnlyList<string> AcceptedFileTypes => FileTypes is { Count: > 0 } set ? [.. set] : ["pdf", "txt", "log", "csv", "zip"];

    /// <summary>Most files on one post.</summary>
    public int MaxFilesPerPost { get; set; } = 10;

    /// <summary>Total bytes one member may have stored (every copy of every file, posted or pending): 200 MB.</summary>
    public long QuotaBytesPerMember { get; set; } = 200L * 1024 * 1024;

    /// <summary>Uploads never posted are removed this long after they were uploaded.</summary>
    public TimeSpan UnpostedLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Whether this instance runs the clean-up.</summary>
    public bool CleanupEnabled { get; set; } = true;

    /// <summary>How often the clean-up looks for them.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Widest an image is shown in a post (its display copy); the original is a click away.</summary>
    public int DisplayMaxWidth { get; set; } = 1200;

    /// <summary>Longest side of a thumbnail.</summary>
    public int ThumbnailMaxSize { get; set; } = 320;

    /// <summary>Where the bytes live: <c>Database</c> (PostgreSQL, the default) or <c>S3</c> (see <see cref="S3"/>).</summary>
    public string Storage { get; set; } = "Database";

    public S3StorageOptions S3 { get; set; } = new();
}

/// <summary>An S3-compatible bucket (Amazon S3, MinIO, Ceph, Garage...).</summary>
public sealed class S3StorageOptions
{
    /// <summary>The service's address for S3-compatible servers (e.g. http://minio:9000); empty for Amazon S3 itself.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>Amazon S3's region (also sent to compatible servers, which mostly ignore it).</summary>
    public string Region { get; set; } = "us-east-1";

    public string Bucket { get; set; } = "communityhub-attachments";

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>Addresses as http://host/bucket/key rather than http://bucket.host/key (what most compatible servers need).</summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>Prefix of every key, to share a bucket.</summary>
    public string KeyPrefix { get; set; } = string.Empty;
}
