using System.Text;

namespace CommunityHub.Domain.Attachments;

/// <summary>What a file is, told by its first bytes (never by its name): the media type it is served as, the
/// extension it is saved with, and whether it is one of the raster images shown inline.</summary>
public sealed record FileType(string MediaType, string Extension, bool IsImage)
{
    public static readonly FileType Png = new("image/png", "png", true);
    public static readonly FileType Jpeg = new("image/jpeg", "jpg", true);
    public static readonly FileType Gif = new("image/gif", "gif", true);
    public static readonly FileType WebP = new("image/webp", "webp", true);
    public static readonly FileType Pdf = new("application/pdf", "pdf", false);
    public static readonly FileType Zip = new("application/zip", "zip", false);
    public static readonly FileType Text = new("text/plain", "txt", false);

    /// <summary>Markup a browser would run (SVG, HTML, XML): recognised so that it is refused, whatever it is called.</summary>
    public static readonly FileType Markup = new("text/html", "html", false);

    /// <summary>Anything else: refused.</summary>
    public static readonly FileType Unknown = new("application/octet-stream", "bin", false);

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The type of <paramref name="bytes"/> from their signature. Text is UTF-8 without control characters
    /// other than tab, line feed, carriage return and form feed; text that opens like markup is <see cref="Markup"/>.</summary>
    public static FileType Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(PngSignature))
        {
            return Png;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return Gif;
        }

        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }

        if (bytes.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (bytes.StartsWith("PK\x03\x04"u8) || bytes.StartsWith("PK\x05\x06"u8))
        {
            return Zip;
        }

        return IsText(bytes) ? (LooksLikeMarkup(bytes) ? Markup : Text) : Unknown;
    }

    private static bool IsText(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return false;
        }

        foreach (var b in bytes)
        {
            if (b < 0x20 && b is not (9 or 10 or 12 or 13))
            {
                return false;
            }
        }

        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static readonly string[] MarkupOpenings = ["<!doctype", "<html", "<svg", "<?xml", "<script", "<head", "<body", "<iframe", "<!--"];

    private static bool LooksLikeMarkup(ReadOnlySpan<byte> bytes)
    {
        var start = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 1024)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n', '\f');
        return MarkupOpenings.Any(o => start.StartsWith(o, StringComparison.OrdinalIgnoreCase))
            || start.Contains("<svg", StringComparison.OrdinalIgnoreCase)
            || start.Contains("<script", StringComparison.OrdinalIgnoreCase);
    }
}
