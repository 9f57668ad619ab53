using System.Text;
using CommunityHub.Domain.Attachments;
using CommunityHub.Domain.Common;
using CommunityHub.Infrastructure.Attachments;
using CommunityHub.Testing;
using SkiaSharp;

namespace CommunityHub.Application.Tests.Attachments;

/// <summary>The SkiaSharp pipeline on its own: what it strips, what it refuses, the sizes it makes.</summary>
public sealed class ImagePipelineTests
{
    private static readonly SkiaImageProcessor Images = new();

    private static Application.Attachments.ProcessedImage Process(byte[] content, FileType type) =>
        Images.Process(content, type, "photo", maxPixels: 50_000_000, displayMaxWidth: 1200, thumbnailMaxSize: 320);

    [Fact]
    public void A_phones_jpeg_loses_its_exif_and_gps_position_in_every_copy()
    {
        var photo = TestImages.JpegWithGps(800, 600);
        Assert.Contains(TestImages.CameraMake, Encoding.Latin1.GetString(photo), StringComparison.Ordinal);
        Assert.Contains("Exif", Encoding.Latin1.GetString(photo), StringComparison.Ordinal);

        var processed = Process(photo, FileType.Jpeg);

        foreach (var copy in new[] { processed.Original, processed.Display.Content, processed.Thumbnail.Content })
        {
            var text = Encoding.Latin1.GetString(copy);
            Assert.DoesNotContain(TestImages.CameraMake, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Exif", text, StringComparison.Ordinal);
            Assert.Equal(FileType.Jpeg, FileType.Detect(copy));
            // No APP1 segment (where EXIF and XMP live) anywhere in the file's segments.
            Assert.False(HasSegment(copy, 0xE1));
        }

        Assert.Equal((800, 600), (processed.Width, processed.Height));
        Assert.Equal((320, 240), (processed.Thumbnail.Width, processed.Thumbnail.Height));
    }

    [Fact]
    public void A_wide_screenshot_gets_a_display_copy_and_a_thumbnail_with_its_proportions()
    {
        var processed = Process(TestImages.Png(2400, 1000), FileType.Png);

        Assert.Equal(FileType.Png, processed.Type);
        Assert.Equal((1200, 500), (processed.Display.Width, processed.Display.Height));
        Assert.Equal((320, 133), (processed.Thumbnail.Width, processed.Thumbnail.Height));
        using var display = SKCodec.Create(new MemoryStream(processed.Display.Content));
        Assert.Equal(1200, display.Info.Width);
    }

    [Fact]
    public void A_still_gif_becomes_a_png_and_an_animated_one_is_refused()
    {
        var still = Process(Gif(frames: 1), FileType.Gif);
        Assert.Equal(FileType.Png, still.Type);
        Assert.Equal(FileType.Png, FileType.Detect(still.Original));

        var refused = Assert.Throws<DomainException>(() => Process(Gif(frames: 2), FileType.Gif));
        Assert.Contains("animated", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_image_and_one_declaring_too_many_pixels_are_refused_before_decoding()
    {
        var truncated = TestImages.Jpeg(400, 300);
        Assert.Contains("damaged or cut short", Assert.Throws<DomainException>(() => Process(truncated[..(truncated.Length / 2)], FileType.Jpeg)).Message, StringComparison.Ordinal);
        Assert.Contains("more pixels", Assert.Throws<DomainException>(() =>
            Images.Process(TestImages.Png(100, 100), FileType.Png, "photo", maxPixels: 5_000, displayMaxWidth: 1200, thumbnailMaxSize: 320)).Message, StringComparison.Ordinal);
    }

    private static bool HasSegment(byte[] jpeg, byte marker)
    {
        var i = 2;
        while (i + 4 <= jpeg.Length && jpeg[i] == 0xFF)
        {
            if (jpeg[i + 1] == marker)
            {
                return true;
            }

            if (jpeg[i + 1] == 0xDA)
            {
                return false; // Start of scan: the image data follows.
            }

            i += 2 + ((jpeg[i + 2] << 8) | jpeg[i + 3]);
        }

        return false;
    }

    /// <summary>A 1 × 1 GIF with one or more frames (an animation loops through a NETSCAPE extension).</summary>
    private static byte[] Gif(int frames)
    {
        var bytes = new List<byte>();
        bytes.AddRange("GIF89a"u8.ToArray());
        bytes.AddRange([1, 0, 1, 0, 0x80, 0, 0]);               // 1 × 1, global colour table of 2
        bytes.AddRange([0, 0, 0, 0xFF, 0xFF, 0xFF]);            // black, white
        if (frames > 1)
        {
            bytes.AddRange([0x21, 0xFF, 0x0B, .. "NETSCAPE2.0"u8.ToArray(), 0x03, 0x01, 0x00, 0x00, 0x00]);
        }

        for (var i = 0; i < frames; i++)
        {
            bytes.AddRange([0x21, 0xF9, 0x04, 0x00, 0x0A, 0x00, 0x00, 0x00]);  // 100 ms a frame
            bytes.AddRange([0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0]);                // the frame: 1 × 1 at 0, 0
            bytes.AddRange([0x02, 0x02, (byte)(i % 2 == 0 ? 0x44 : 0x4C), 0x01, 0x00]);
        }

        bytes.Add(0x3B);
        return [.. bytes];
    }
}
