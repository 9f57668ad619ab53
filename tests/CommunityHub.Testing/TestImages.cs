using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace CommunityHub.Testing;

/// <summary>Images made by the tests themselves (no binary files in the repository): a PNG screenshot, a JPEG from a
/// phone with EXIF and GPS, a header that declares a huge pixel count.</summary>
public static class TestImages
{
    /// <summary>What the phone's EXIF says: the tests look for these bytes in what is stored.</summary>
    public const string CameraMake = "LeakyPhone 12";

    public static byte[] Png(int width = 64, int height = 48) => Encode(Draw(width, height), SKEncodedImageFormat.Png);

    public static byte[] Jpeg(int width = 64, int height = 48) => Encode(Draw(width, height), SKEncodedImageFormat.Jpeg);

    /// <summary>A JPEG with an EXIF segment naming the camera and the GPS position where it was taken.</summary>
    public static byte[] JpegWithGps(int width = 64, int height = 48)
    {
        var jpeg = Jpeg(width, height);
        var exif = ExifWithGps();
        var segment = new byte[4 + exif.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(exif.Length + 2));
        exif.CopyTo(segment, 4);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    /// <summary>The start of a PNG declaring <paramref name="width"/> × <paramref name="height"/> pixels and nothing else.</summary>
    public static byte[] PngHeader(uint width, uint height)
    {
        var bytes = new byte[45];
        ((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]).CopyTo(bytes);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8), 13);
        "IHDR"u8.CopyTo(bytes.AsSpan(12));
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(16), width);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(20), height);
        bytes[24] = 8;
        bytes[25] = 6;
        return bytes;
    }

    private static SKBitmap Draw(int width, int height)
    {
        var bitmap = new SKBitmap(width, height);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(new SKColor(0xF4, 0xF6, 0xF8));
        using var paint = new SKPaint { Color = new SKColor(0x2F, 0x6F, 0xDE) };
        canvas.DrawRect(0, 0, width, Math.Max(1, height / 6f), paint);
        paint.Color = new SKColor(0xD9, 0x3A, 0x3A);
        canvas.DrawRect(width / 4f, height / 3f, width / 2f, height / 3f, paint);
        return bitmap;
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format)
    {
        using (bitmap)
        using (var image = SKImage.FromBitmap(bitmap))
        using (var data = image.Encode(format, 90))
        {
            return data.ToArray();
        }
    }

    /// <summary>"Exif\0\0" and a little-endian TIFF: IFD0 with Make and a pointer to the GPS IFD (latitude 52° 22' 12" N).</summary>
    private static byte[] ExifWithGps()
    {
        var make = Encoding.ASCII.GetBytes(CameraMake + "\0");
        var tiff = new byte[128];
        var w = tiff.AsSpan();
        "II"u8.CopyTo(w);
        BinaryPrimitives.WriteUInt16LittleEndian(w[2..], 42);
        BinaryPrimitives.WriteUInt32LittleEndian(w[4..], 8);
        // IFD0 at 8: two entries (12 bytes each), then the next-IFD offset.
        BinaryPrimitives.WriteUInt16LittleEndian(w[8..], 2);
        Entry(w[10..], 0x010F, 2, (uint)make.Length, 38);       // Make, ASCII, at 38
        Entry(w[22..], 0x8825, 4, 1, 38 + (uint)make.Length);    // GPS IFD pointer
        BinaryPrimitives.WriteUInt32LittleEndian(w[34..], 0);
        make.CopyTo(w[38..]);
        var gps = 38 + make.Length;
        BinaryPrimitives.WriteUInt16LittleEndian(w[gps..], 2);
        Entry(w[(gps + 2)..], 0x0001, 2, 2, 'N');                 // GPSLatitudeRef "N" (inline)
        var rationals = (uint)(gps + 2 + 24 + 4);
        Entry(w[(gps + 14)..], 0x0002, 5, 3, rationals);          // GPSLatitude, three rationals
        BinaryPrimitives.WriteUInt32LittleEndian(w[(gps + 26)..], 0);
        uint[] values = [52, 1, 22, 1, 12, 1];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(w[((int)rationals + (i * 4))..], values[i]);
        }

        var length = (int)rationals + 24;
        return [.. "Exif\0\0"u8, .. tiff[..length]];
    }

    private static void Entry(Span<byte> at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(at, tag);
        BinaryPrimitives.WriteUInt16LittleEndian(at[2..], type);
        BinaryPrimitives.WriteUInt32LittleEndian(at[4..], count);
        BinaryPrimitives.WriteUInt32LittleEndian(at[8..], value);
    }
}
