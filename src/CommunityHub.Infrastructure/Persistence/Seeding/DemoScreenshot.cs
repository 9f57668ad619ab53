using SkiaSharp;

namespace CommunityHub.Infrastructure.Persistence.Seeding;

/// <summary>The demo's screenshot, drawn at seed time (no binary file in the repository): a report page with its filter
/// bar, a table of rows, and the Export menu opened on its two entries, the first highlighted.</summary>
internal static class DemoScreenshot
{
    public static byte[] Png()
    {
        const int width = 960, height = 540;
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { IsAntialias = true })
        {
            canvas.Clear(new SKColor(0xF5, 0xF6, 0xF8));
            Fill(canvas, paint, new SKColor(0x1D, 0x6B, 0x57), 0, 0, width, 56);                 // the app's header
            Fill(canvas, paint, new SKColor(0xFF, 0xFF, 0xFF, 0xCC), 24, 18, 140, 20, 4);         // its logo
            Fill(canvas, paint, SKColors.White, 24, 80, width - 48, 56, 8);                       // the filter bar
            for (var i = 0; i < 3; i++)
            {
                Fill(canvas, paint, new SKColor(0xE3, 0xEE, 0xEA), 40 + (i * 170), 94, 150, 28, 14);
            }

            Fill(canvas, paint, SKColors.White, 24, 156, width - 48, height - 180, 8);            // the table
            for (var row = 0; row < 9; row++)
            {
                var y = 176 + (row * 38);
                Fill(canvas, paint, row == 0 ? new SKColor(0xC9, 0xD1, 0xD9) : new SKColor(0xE6, 0xE9, 0xED), 44, y, 220, 14, 3);
                Fill(canvas, paint, new SKColor(0xE6, 0xE9, 0xED), 300, y, 160, 14, 3);
                Fill(canvas, paint, new SKColor(0xE6, 0xE9, 0xED), 500, y, 90, 14, 3);
            }

            Fill(canvas, paint, new SKColor(0x1D, 0x6B, 0x57), width - 180, 94, 132, 28, 6);     // the Export button
            Fill(canvas, paint, SKColors.White, width - 260, 130, 212, 92, 8);                    // its menu, open
            paint.Style = SKPaintStyle.Stroke;
            paint.Color = new SKColor(0xC9, 0xD1, 0xD9);
            canvas.DrawRoundRect(width - 260, 130, 212, 92, 8, 8, paint);
            paint.Style = SKPaintStyle.Fill;
            Fill(canvas, paint, new SKColor(0xE3, 0xEE, 0xEA), width - 252, 140, 196, 34, 6);     // "Export view", highlighted
            Fill(canvas, paint, new SKColor(0x1D, 0x6B, 0x57), width - 240, 151, 110, 12, 3);
            Fill(canvas, paint, new SKColor(0x8A, 0x94, 0x9E), width - 240, 193, 90, 12, 3);      // "Export all"
            paint.Color = new SKColor(0xD9, 0x3A, 0x3A);
            paint.Style = SKPaintStyle.Stroke;
            paint.StrokeWidth = 3;
            canvas.DrawOval(width - 150, 157, 120, 30, paint);                                    // circled in red
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static void Fill(SKCanvas canvas, SKPaint paint, SKColor color, float x, float y, float w, float h, float radius = 0)
    {
        paint.Style = SKPaintStyle.Fill;
        paint.Color = color;
        canvas.DrawRoundRect(x, y, w, h, radius, radius, paint);
    }
}
