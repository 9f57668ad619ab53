using System.Buffers.Binary;

namespace CommunityHub.Domain.Attachments;

/// <summary>An image's width and height read from its header, before anything decodes it: how a decompression bomb
/// (a small file that claims a huge pixel count) is refused without spending memory on it.</summary>
public static class ImageHeader
{
    /// <summary>The dimensions the header of a PNG, JPEG, GIF or WebP declares; null when there is no readable header.</summary>
    public static (int Width, int Height)? TryReadSize(ReadOnlySpan<byte> bytes)
    {
        var type = FileType.Detect(bytes);
        if (type == FileType.Png)
        {
            // The IHDR chunk comes first: length (4), "IHDR" (4), width (4), height (4).
            return bytes.Length >= 24 && bytes[12..16].SequenceEqual("IHDR"u8)
                ? Checked(BinaryPrimitives.ReadUInt32BigEndian(bytes[16..20]), BinaryPrimitives.ReadUInt32BigEndian(bytes[20..24]))
                : null;
        }

        if (type == FileType.Gif)
        {
            return bytes.Length >= 10 ? Checked(BinaryPrimitives.ReadUInt16LittleEndian(bytes[6..8]), BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..10])) : null;
        }

        if (type == FileType.WebP)
        {
            return WebPSize(bytes);
        }

        return type == FileType.Jpeg ? JpegSize(bytes) : null;
    }

    private static (int, int)? Checked(long width, long height) =>
        width is > 0 and <= int.MaxValue && height is > 0 and <= int.MaxValue ? ((int)width, (int)height) : null;

    private static (int, int)? JpegSize(ReadOnlySpan<byte> bytes)
    {
        var i = 2;
        while (i + 9 < bytes.Length)
        {
            if (bytes[i] != 0xFF)
            {
                return null;
            }

            var marker = bytes[i + 1];
            if (marker == 0xFF)
            {
                i++;
                continue;
            }

            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7))
            {
                i += 2;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(i + 2)..(i + 4)]);
            // Start of frame (baseline, progressive, lossless...): precision (1), height (2), width (2).
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return Checked(BinaryPrimitives.ReadUInt16BigEndian(bytes[(i + 7)..(i + 9)]), BinaryPrimitives.ReadUInt16BigEndian(bytes[(i + 5)..(i + 7)]));
            }

            if (length < 2)
            {
                return null;
            }

            i += 2 + length;
        }

        return null;
    }

    private static (int, int)? WebPSize(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 30)
        {
            return null;
        }

        var chunk = bytes[12..16];
        if (chunk.SequenceEqual("VP8X"u8))
        {
            var width = 1 + (bytes[24] | (bytes[25] << 8) | (bytes[26] << 16));
            var height = 1 + (bytes[27] | (bytes[28] << 8) | (bytes[29] << 16));
            return Checked(width, height);
        }

        if (chunk.SequenceEqual("VP8L"u8))
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(bytes[21..25]);
            return Checked(1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF));
        }

        if (chunk.SequenceEqual("VP8 "u8))
        {
            return Checked(BinaryPrimitives.ReadUInt16LittleEndian(bytes[26..28]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(bytes[28..30]) & 0x3FFF);
        }

        return null;
    }
}
