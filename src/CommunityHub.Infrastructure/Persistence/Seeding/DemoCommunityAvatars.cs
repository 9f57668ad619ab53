using CommunityHub.Domain.Attachments;
using CommunityHub.Domain.Members;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace CommunityHub.Infrastructure.Persistence.Seeding;

public sealed partial class DemoCommunity
{
    /// <summary>Alice, Sam and Bruno have pictures (drawn now, no binary file in the repository, and processed as any
    /// upload is: cropped square, WebP at every size); everyone else shows their initial.</summary>
    private async Task SeedAvatarsAsync(Dictionary<string, Guid> members, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var (name, picture) in new[]
                 {
                     ("Alice", DemoAvatar.Png(new SKColor(0x1D, 0x6B, 0x57), new SKColor(0xF2, 0xC1, 0x4E), rings: 3)),
                     ("Sam", DemoAvatar.Png(new SKColor(0x2B, 0x4C, 0x9A), new SKColor(0xA8, 0xD8, 0xF0), rings: 2)),
                     ("Bruno", DemoAvatar.Png(new SKColor(0xB2, 0x4A, 0x2E), new SKColor(0xF7, 0xE3, 0xD4), rings: 4)),
                 })
        {
            var member = await db.Members.SingleAsync(m => m.Id == members[name], cancellationToken);
            var avatar = member.ChangeAvatar(new Viewer(member.Id, Powers.None), Guid.NewGuid(), FileType.WebP.MediaType, now.AddDays(-60));
            var copies = images.Square(picture, FileType.Png, $"{name}.png", 50_000_000, Avatar.Sizes);
            for (var i = 0; i < copies.Count; i++)
            {
                attachmentStore.Put(avatar.StorageKey(Avatar.Sizes[i]), copies[i].Content, avatar.ContentType);
            }

            db.Avatars.Add(avatar);
        }

        if (attachmentStore is Application.Common.Persistence.IUnitOfWorkParticipant bucket)
        {
            await bucket.CompleteAsync(cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>A demo member's picture: concentric rings on a background, slightly wider than tall (the upload is cut
/// square like any other).</summary>
internal static class DemoAvatar
{
    public static byte[] Png(SKColor background, SKColor ring, int rings)
    {
        const int width = 320, height = 256;
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { IsAntialias = true })
        {
            canvas.Clear(background);
            for (var i = rings; i > 0; i--)
            {
                paint.Color = i % 2 == 1 ? ring : background;
                canvas.DrawCircle(width / 2f, height / 2f, i * 110f / rings, paint);
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var encoded = image.Encode(SKEncodedImageFormat.Png, 100);
        return encoded.ToArray();
    }
}
