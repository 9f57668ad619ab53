using System.Text;
using CommunityHub.Application.Attachments;
using CommunityHub.Application.Avatars;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Members;
using CommunityHub.Application.Moderation;
using CommunityHub.Domain.Attachments;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;
using CommunityHub.Testing;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace CommunityHub.Application.Tests.Avatars;

/// <summary>Members' pictures through the use cases on PostgreSQL (the default store): stored square at every size
/// without metadata, the replaced one's copies gone, removed by their member or a moderator (audited), never changed by
/// anyone else, and gone with a ban or a deleted account.</summary>
public sealed class AvatarUseCaseTests(CommunityFixture fixture) : ApplicationTest(fixture)
{
    private Task<Guid> ChangeAsync(byte[] content, string name = "me.jpg", Guid memberId = default) =>
        SendAsync(new ChangeAvatar.Command { MemberId = memberId, File = new Upload(name, content) });

    private Task<int> BlobsAsync(Guid avatarId) =>
        QueryAsync(db => db.AttachmentBlobs.CountAsync(b => b.Key.StartsWith($"avatars/{avatarId:N}/")));

    [Fact]
    public async Task A_phone_photo_becomes_a_square_webp_at_every_size_without_its_exif()
    {
        var alice = await RunAsNewMemberAsync("Alice");

        var id = await ChangeAsync(TestImages.JpegWithGps(640, 480));

        Assert.Equal(id, await QueryAsync(db => db.Members.Where(m => m.Id == alice).Select(m => m.AvatarId).SingleAsync()));
        RunAsAnonymous();
        foreach (var size in Avatar.Sizes)
        {
            var copy = await SendAsync(new GetAvatar.Query(id, size));
            Assert.Equal("image/webp", copy.ContentType);
            Assert.Equal(FileType.WebP, FileType.Detect(copy.Content));
            Assert.DoesNotContain(TestImages.CameraMake, Encoding.Latin1.GetString(copy.Content), StringComparison.Ordinal);
            using var codec = SKCodec.Create(new MemoryStream(copy.Content));
            Assert.Equal((size, size), (codec.Info.Width, codec.Info.Height));
        }

        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new GetAvatar.Query(id, 64)));
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new GetAvatar.Query(Guid.NewGuid(), 48)));
    }

    [Fact]
    public async Task A_new_picture_replaces_the_old_one_and_its_copies_are_deleted()
    {
        await RunAsNewMemberAsync("Alice");
        var first = await ChangeAsync(TestImages.Png(300, 200), "first.png");
        Assert.Equal(3, await BlobsAsync(first));

        var second = await ChangeAsync(TestImages.Jpeg(200, 300), "second.jpg");

        Assert.NotEqual(first, second);
        Assert.Equal(0, await BlobsAsync(first));
        Assert.Equal(3, await BlobsAsync(second));
        Assert.Equal([second], await QueryAsync(db => db.Avatars.Select(a => a.Id).ToListAsync()));
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new GetAvatar.Query(first, 48)));
    }

    [Fact]
    public async Task A_member_removes_their_picture_and_their_initial_shows_again()
    {
        var alice = await RunAsNewMemberAsync("Alice");
        var id = await ChangeAsync(TestImages.Png());

        await SendAsync(new RemoveAvatar.Command());

        Assert.Null(await QueryAsync(db => db.Members.Where(m => m.Id == alice).Select(m => m.AvatarId).SingleAsync()));
        Assert.Equal(0, await BlobsAsync(id));
        Assert.Equal(0, await QueryAsync(db => db.Avatars.CountAsync()));
        Assert.Equal("You have no picture to remove.", (await Assert.ThrowsAsync<DomainException>(() => SendAsync(new RemoveAvatar.Command()))).Message);
        Assert.Equal(0, await QueryAsync(db => db.ModerationLog.CountAsync()));
    }

    [Fact]
    public async Task Not_a_picture_a_damaged_one_and_a_bomb_are_refused_and_nothing_is_written()
    {
        var alice = await RunAsNewMemberAsync("Alice");

        var notImage = await Assert.ThrowsAsync<DomainException>(() => ChangeAsync(Encoding.UTF8.GetBytes("%PDF-1.7\nnot a picture"), "me.png"));
        Assert.Contains("is not a picture", notImage.Message, StringComparison.Ordinal);
        var jpeg = TestImages.Jpeg(400, 300);
        var damaged = await Assert.ThrowsAsync<DomainException>(() => ChangeAsync(jpeg[..(jpeg.Length / 2)]));
        Assert.Contains("damaged or cut short", damaged.Message, StringComparison.Ordinal);
        var bomb = await Assert.ThrowsAsync<DomainException>(() => ChangeAsync(TestImages.PngHeader(20_000, 20_000), "bomb.png"));
        Assert.Contains("million pixels", bomb.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<DomainException>(() => ChangeAsync([], "empty.png"));

        Assert.Null(await QueryAsync(db => db.Members.Where(m => m.Id == alice).Select(m => m.AvatarId).SingleAsync()));
        Assert.Equal(0, await QueryAsync(db => db.Avatars.CountAsync()));
        Assert.Equal(0, await QueryAsync(db => db.AttachmentBlobs.CountAsync()));
    }

    [Fact]
    public async Task A_picture_over_the_image_size_limit_is_refused_and_what_a_picture_stores_stays_small_whatever_was_sent()
    {
        var alice = await RunAsNewMemberAsync("Alice");
        // A PNG's header declaring a modest size, then padding: refused by its byte count before anything decodes it.
        var limit = new AttachmentOptions().MaxImageBytes;
        var huge = new byte[limit + 1];
        TestImages.PngHeader(1000, 1000).CopyTo(huge, 0);

        var refused = await Assert.ThrowsAsync<DomainException>(() => ChangeAsync(huge, "huge.png"));

        Assert.Contains("images can be at most 10 MB", refused.Message, StringComparison.Ordinal);
        Assert.Null(await QueryAsync(db => db.Members.Where(m => m.Id == alice).Select(m => m.AvatarId).SingleAsync()));
        Assert.Equal(0, await QueryAsync(db => db.AttachmentBlobs.CountAsync()));

        // Avatars are outside the attachment quota, and cannot be used to get round it: whatever is sent (here a noisy
        // photo of several MB, within the limit), what stays is three small squares, and only the current picture's.
        var noisy = NoisyPng(1200, 1200);
        Assert.InRange(noisy.LongLength, 2L * 1024 * 1024, limit);
        var id = await ChangeAsync(noisy, "noise.png");
        var stored = await QueryAsync(db => db.AttachmentBlobs.Where(b => b.Key.StartsWith($"avatars/{id:N}/")).SumAsync(b => (long)b.Content.Length));
        Assert.InRange(stored, 1, 200 * 1024);
        Assert.Equal(stored, await QueryAsync(db => db.AttachmentBlobs.SumAsync(b => (long)b.Content.Length)));
    }

    private static byte[] NoisyPng(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        var pixels = new byte[width * height * 4];
        new Random(18).NextBytes(pixels);
        for (var i = 3; i < pixels.Length; i += 4)
        {
            pixels[i] = 0xFF;
        }

        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    [Fact]
    public async Task Member_cannot_change_or_remove_someone_elses_picture()
    {
        var alice = await RunAsNewMemberAsync("Alice");
        var hers = await ChangeAsync(TestImages.Png());
        await RunAsNewMemberAsync("Bruno");

        await Assert.ThrowsAsync<ForbiddenException>(() => ChangeAsync(TestImages.Png(), memberId: alice));
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new RemoveAvatar.Command { MemberId = alice }));

        Assert.Equal(hers, await QueryAsync(db => db.Members.Where(m => m.Id == alice).Select(m => m.AvatarId).SingleAsync()));
        Assert.Equal(3, await BlobsAsync(hers));
        Assert.Equal(1, await QueryAsync(db => db.Avatars.CountAsync()));
    }

    [Fact]
    public async Task Moderator_can_remove_a_members_picture_and_the_audit_log_says_so()
    {
        var bruno = await RunAsNewMemberAsync("Bruno");
        var his = await ChangeAsync(TestImages.Png());
        var morgan = await RunAsNewMemberAsync("Morgan", Roles.Moderator);

        await SendAsync(new RemoveAvatar.Command { MemberId = bruno, Reason = "Not a picture for a customer community" });

        Assert.Null(await QueryAsync(db => db.Members.Where(m => m.Id == bruno).Select(m => m.AvatarId).SingleAsync()));
        Assert.Equal(0, await BlobsAsync(his));
        var entry = await QueryAsync(db => db.ModerationLog.SingleAsync());
        Assert.Equal((ModerationAction.RemoveAvatar, morgan, bruno, "Not a picture for a customer community"), (entry.Action, entry.ModeratorId, entry.MemberId!.Value, entry.Reason));
    }

    [Fact]
    public async Task A_banned_members_picture_is_not_served_nor_shown_and_a_deleted_account_takes_it_along()
    {
        var bruno = await RunAsNewMemberAsync("Bruno");
        var his = await ChangeAsync(TestImages.Png());
        await RunAsNewMemberAsync("Morgan", Roles.Moderator);
        await SendAsync(new SanctionMember.Command { MemberId = bruno, Sanction = SanctionMember.Sanction.Ban, Reason = "Spam account" });

        RunAsAnonymous();
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new GetAvatar.Query(his, 48)));
        var handle = await QueryAsync(db => db.Members.Where(m => m.Id == bruno).Select(m => m.Handle).SingleAsync());
        Assert.Null((await SendAsync(new GetProfile.Query(handle))).AvatarId);

        var alice = await RunAsNewMemberAsync("Alice");
        var hers = await ChangeAsync(TestImages.Png());
        await SendAsync(new DeleteAccount.Command { Password = "correct horse battery", Confirm = true });

        Assert.Null(await QueryAsync(db => db.Members.Where(m => m.Id == alice).Select(m => m.AvatarId).SingleAsync()));
        Assert.Equal(0, await BlobsAsync(hers));
        Assert.False(await QueryAsync(db => db.Avatars.AnyAsync(a => a.MemberId == alice)));
    }

    [Fact]
    public async Task The_data_download_carries_the_largest_copy()
    {
        await RunAsNewMemberAsync("Alice");
        var id = await ChangeAsync(TestImages.Png(300, 300));

        using var download = new MemoryStream();
        await SendAsync(new DownloadMyData.Query(download));

        using var json = System.Text.Json.JsonDocument.Parse(download.ToArray());
        var avatar = json.RootElement.GetProperty("avatar");
        Assert.Equal("image/webp", avatar.GetProperty("mediaType").GetString());
        var stored = await QueryAsync(db => db.AttachmentBlobs.Where(b => b.Key == Avatar.StorageKey(id, 192)).Select(b => b.Content).SingleAsync());
        Assert.Equal(stored, avatar.GetProperty("content").GetBytesFromBase64());
    }
}
