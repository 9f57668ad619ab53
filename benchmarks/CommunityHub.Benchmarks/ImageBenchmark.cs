using System.Diagnostics;
using CommunityHub.Application.Attachments;
using CommunityHub.Domain.Attachments;
using CommunityHub.Infrastructure.Attachments;
using SkiaSharp;

namespace CommunityHub.Benchmarks;

/// <summary>The image pipeline on a phone-sized photo: a 4000 × 3000 JPEG (12 megapixels, generated with detail so it
/// compresses like a photo, about 3–4 MB) through type detection, the header check and <see cref="SkiaImageProcessor"/>
/// (decode, re-encode without metadata, display copy, thumbnail), with the default settings. Prints each run's time
/// and the process's peak working set and managed heap, the way an upload meets them.</summary>
public static class ImageBenchmark
{
    public static int Run(int runs)
    {
        var options = new AttachmentOptions();
        var photo = Photo(4000, 3000);
        Console.WriteLine($"Input: 4000 × 3000 JPEG, {photo.Length / 1024.0 / 1024.0:0.0} MiB; {runs} runs (the first includes loading Skia).");
        var processor = new SkiaImageProcessor();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        var times = new List<double>();
        ProcessedImage? last = null;
        long peakManaged = 0;
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            var stopwatch = Stopwatch.StartNew();
            var type = FileType.Detect(photo);
            var size = ImageHeader.TryReadSize(photo) ?? throw new InvalidOperationException("The header was not read.");
            last = processor.Process(photo, type, "photo.jpg", options.MaxImagePixels, options.DisplayMaxWidth, options.ThumbnailMaxSize);
            stopwatch.Stop();
            peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false));
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
            Console.WriteLine($"  run {i + 1}: {stopwatch.Elapsed.TotalMilliseconds,7:0} ms ({size.Width} × {size.Height})");
        }

        process.Refresh();
        var steady = times.Skip(1).DefaultIfEmpty(times[0]).ToList();
        Console.WriteLine($"Median {Median(steady):0} ms, fastest {steady.Min():0} ms (runs after the first).");
        Console.WriteLine($"Output: original {last!.Original.Length / 1024} KiB, display {last.Display.Width} × {last.Display.Height} ({last.Display.Content.Length / 1024} KiB), thumbnail {last.Thumbnail.Width} × {last.Thumbnail.Height} ({last.Thumbnail.Content.Length / 1024} KiB).");
        Console.WriteLine($"Peak working set {process.PeakWorkingSet64 / 1024 / 1024} MiB (before the first run {before / 1024 / 1024} MiB); peak managed heap seen {peakManaged / 1024 / 1024} MiB.");
        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>A photo-like JPEG: gradients with noise, so that it neither compresses to nothing nor is pure noise.</summary>
    private static byte[] Photo(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        var random = new Random(4000);
        var pixels = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var at = ((y * width) + x) * 4;
                var noise = random.Next(-24, 24);
                pixels[at] = (byte)Math.Clamp((x * 255 / width) + noise, 0, 255);
                pixels[at + 1] = (byte)Math.Clamp((y * 255 / height) + noise, 0, 255);
                pixels[at + 2] = (byte)Math.Clamp(128 + (int)(60 * Math.Sin((x + y) / 90.0)) + noise, 0, 255);
                pixels[at + 3] = 255;
            }
        }

        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }
}
