using CommunityHub.Application.Attachments;
using CommunityHub.Domain.Attachments;
using CommunityHub.Domain.Common;
using SkiaSharp;

namespace CommunityHub.Infrastructure.Attachments;

/// <summary>Images through SkiaSharp (managed API, Skia's native library in its NuGet assets package): decoded once,
/// turned upright by their EXIF orientation, and re-encoded — the new file carries pixels only, so EXIF, GPS, XMP and
/// comments stay behind — with a display copy and a thumbnail. JPEG stays JPEG, PNG and still GIF become PNG, WebP stays
/// WebP. Animated images are refused (one consistent rule: a still is re-encoded, an animation could not be without
/// losing it). The declared size is checked again here before any pixel memory is taken.</summary>
public sealed class SkiaImageProcessor : IImageProcessor
{
    private const int JpegQuality = 88;
    private const int WebPQuality = 88;

    public ProcessedImage Process(byte[] content, FileType type, string shownName, long maxPixels, int displayMaxWidth, int thumbnailMaxSize)
    {
        using var upright = Decode(content, type, shownName, maxPixels);
        var (format, outputType, quality) = type == FileType.Jpeg ? (SKEncodedImageFormat.Jpeg, FileType.Jpeg, JpegQuality)
            : type == FileType.WebP ? (SKEncodedImageFormat.Webp, FileType.WebP, WebPQuality)
            : (SKEncodedImageFormat.Png, FileType.Png, 100);
        var original = Encode(upright, format, quality);
        var display = Scaled(upright, Fit(upright.Width, upright.Height, displayMaxWidth, int.MaxValue), format, quality);
        var thumbnail = Scaled(upright, Fit(upright.Width, upright.Height, thumbnailMaxSize, thumbnailMaxSize), format, quality);
        return new ProcessedImage(outputType, upright.Width, upright.Height, original, display, thumbnail);
    }

    public IReadOnlyList<EncodedImage> Square(byte[] content, FileType type, string shownName, long maxPixels, IReadOnlyList<int> sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        using var upright = Decode(content, type, shownName, maxPixels);
        // The centre square: a portrait loses its top and bottom, a landscape its sides.
        var side = Math.Min(upright.Width, upright.Height);
        using var square = new SKBitmap(new SKImageInfo(side, side, upright.ColorType, upright.AlphaType));
        if (!upright.ExtractSubset(square, SKRectI.Create((upright.Width - side) / 2, (upright.Height - side) / 2, side, side)))
        {
            throw Damaged(shownName);
        }

        return [.. sizes.Select(size => Scaled(square, (size, size), SKEncodedImageFormat.Webp, WebPQuality))];
    }

    /// <summary>The image's pixels, upright, after the checks every image passes here: readable, not larger than
    /// allowed (checked again before any pixel memory is taken), a still.</summary>
    private static SKBitmap Decode(byte[] content, FileType type, string shownName, long maxPixels)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(type);
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data) ?? throw Damaged(shownName);
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0)
        {
            throw Damaged(shownName);
        }

        if ((long)info.Width * info.Height > maxPixels)
        {
            throw new DomainException($"\"{shownName}\" has more pixels than an image may have.");
        }

        if (codec.FrameCount > 1)
        {
            throw new DomainException($"\"{shownName}\" is animated; animated images are not accepted. Attach a still screenshot, or the animation in a .zip.");
        }

        var decodeInfo = new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, type == FileType.Jpeg ? SKAlphaType.Opaque : SKAlphaType.Premul);
        using var decoded = new SKBitmap(decodeInfo);
        var result = codec.GetPixels(decodeInfo, decoded.GetPixels());
        if (result != SKCodecResult.Success)
        {
            // IncompleteInput (a file cut short) included: half an image is not what the member meant to show.
            throw Damaged(shownName);
        }

        return Upright(decoded, codec.EncodedOrigin);
    }

    private static DomainException Damaged(string shownName) =>
        new($"\"{shownName}\" is not a readable image: it may be damaged or cut short.");

    private static (int Width, int Height) Fit(int width, int height, int maxWidth, int maxHeight)
    {
        var scale = Math.Min(1.0, Math.Min((double)maxWidth / width, (double)maxHeight / height));
        return (Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
    }

    private static EncodedImage Scaled(SKBitmap source, (int Width, int Height) size, SKEncodedImageFormat format, int quality)
    {
        if (size.Width == source.Width && size.Height == source.Height)
        {
            return new EncodedImage(Encode(source, format, quality), size.Width, size.Height);
        }

        using var resized = source.Resize(new SKImageInfo(size.Width, size.Height, source.ColorType, source.AlphaType), new SKSamplingOptions(SKCubicResampler.Mitchell))
            ?? throw new InvalidOperationException("Resizing an image failed.");
        return new EncodedImage(Encode(resized, format, quality), size.Width, size.Height);
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var encoded = image.Encode(format, quality) ?? throw new InvalidOperationException($"Encoding an image as {format} failed.");
        return encoded.ToArray();
    }

    /// <summary>The pixels as the camera meant them to be seen: the orientation lives in the EXIF that is dropped.</summary>
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default)
        {
            return source.Copy();
        }

        var swaps = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var width = swaps ? source.Height : source.Width;
        var height = swaps ? source.Width : source.Height;
        var result = new SKBitmap(new SKImageInfo(width, height, source.ColorType, source.AlphaType));
        using var canvas = new SKCanvas(result);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: canvas.Scale(-1, 1, width / 2f, 0); break;
            case SKEncodedOrigin.BottomRight: canvas.RotateDegrees(180, width / 2f, height / 2f); break;
            case SKEncodedOrigin.BottomLeft: canvas.Scale(1, -1, 0, height / 2f); break;
            // Transpose: (x, y) -> (y, x).
            case SKEncodedOrigin.LeftTop: canvas.SetMatrix(new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1)); break;
            case SKEncodedOrigin.RightTop: canvas.Translate(width, 0); canvas.RotateDegrees(90); break;
            // Transverse: (x, y) -> (width - y, height - x).
            case SKEncodedOrigin.RightBottom: canvas.SetMatrix(new SKMatrix(0, -1, width, -1, 0, height, 0, 0, 1)); break;
            case SKEncodedOrigin.LeftBottom: canvas.Translate(0, height); canvas.RotateDegrees(-90); break;
        }

        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        return result;
    }
}
