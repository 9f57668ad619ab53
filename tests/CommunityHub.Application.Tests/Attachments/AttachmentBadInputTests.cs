using System.Text;
using CommunityHub.Application.Attachments;
using CommunityHub.Domain.Common;
using CommunityHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Attachments;

/// <summary>Bad input the issue lists that the other attachment tests did not cover: an image over its size limit, and a
/// polyglot (a real image carrying a page and an archive after its end), which is kept only as the re-encoded image.</summary>
public sealed class AttachmentBadInputTests(CommunityFixture fixture) : ConversationTest(fixture)
{
    [Fact]
    public async Task An_image_over_the_image_size_limit_is_refused_before_it_is_decoded_and_nothing_is_stored()
    {
        await RunAsNewMemberAsync("Alice");
        var limit = new AttachmentOptions().MaxImageBytes;
        var huge = new byte[limit + 1];
        TestImages.PngHeader(1000, 1000).CopyTo(huge, 0);

        var refused = await Assert.ThrowsAsync<DomainException>(() => SendAsync(new UploadAttachment.Command { File = new Upload("huge.png", huge) }));

        Assert.Equal("\"huge.png\" is 10 MB; images can be at most 10 MB.", refused.Message);
        Assert.Equal(0, await QueryAsync(db => db.Attachments.CountAsync()));
        Assert.Equal(0, await QueryAsync(db => db.AttachmentBlobs.CountAsync()));
    }

    [Fact]
    public async Task A_polyglot_image_is_stored_re_encoded_without_the_page_and_archive_it_carried()
    {
        await RunAsNewMemberAsync("Alice");
        const string Page = "<html><script>alert(document.cookie)</script></html>";
        byte[] polyglot = [.. TestImages.Png(120, 80), .. Encoding.ASCII.GetBytes(Page), .. "PK\u0003\u0004payload.html"u8];

        var uploaded = await SendAsync(new UploadAttachment.Command { File = new Upload("shot.png", polyglot) });

        Assert.True(uploaded.IsImage);
        Assert.Equal("image/png", uploaded.MediaType);
        var copies = await QueryAsync(db => db.AttachmentBlobs.Where(b => b.Key.StartsWith($"{uploaded.Id:N}/")).Select(b => b.Content).ToListAsync());
        Assert.Equal(3, copies.Count);
        Assert.All(copies, copy =>
        {
            var text = Encoding.Latin1.GetString(copy);
            Assert.DoesNotContain("<script", text, StringComparison.Ordinal);
            Assert.DoesNotContain("PK\u0003\u0004", text, StringComparison.Ordinal);
        });
    }
}
