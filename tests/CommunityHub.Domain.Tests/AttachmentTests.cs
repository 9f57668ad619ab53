using System.Buffers.Binary;
using System.Text;
using CommunityHub.Domain.Attachments;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Threads;
using static CommunityHub.Domain.Tests.Conversations;

namespace CommunityHub.Domain.Tests;

/// <summary>What a file is (by its bytes, never its name), what an image declares before it is decoded, what name a file
/// is offered under, and who may open an attachment.</summary>
public sealed class AttachmentTests
{
    /// <summary>The first 33 bytes of a PNG: signature and IHDR, declaring any size (no pixel data: nothing to decode).</summary>
    public static byte[] PngHeader(uint width, uint height)
    {
        var bytes = new byte[33];
        ((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]).CopyTo(bytes);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8), 13);
        "IHDR"u8.CopyTo(bytes.AsSpan(12));
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(16), width);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(20), height);
        bytes[24] = 8;
        bytes[25] = 6;
        return bytes;
    }

    [Fact]
    public void A_files_type_comes_from_its_bytes_not_its_name()
    {
        Assert.Equal(FileType.Png, FileType.Detect(PngHeader(10, 10)));
        Assert.Equal(FileType.Jpeg, FileType.Detect([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]));
        Assert.Equal(FileType.Gif, FileType.Detect("GIF89a\x01\x00\x01\x00"u8));
        Assert.Equal(FileType.WebP, FileType.Detect("RIFF\x10\x00\x00\x00WEBPVP8 "u8));
        Assert.Equal(FileType.Pdf, FileType.Detect("%PDF-1.7\n"u8));
        Assert.Equal(FileType.Zip, FileType.Detect("PK\x03\x04\x14\x00"u8));
        Assert.Equal(FileType.Text, FileType.Detect("2026-11-30 ERROR export failed: timeout\r\n\tat Export()"u8));
        Assert.Equal(FileType.Unknown, FileType.Detect("MZ\x90\x00\x03\x00\x00\x00"u8));
        Assert.Equal(FileType.Unknown, FileType.Detect([]));
        Assert.Equal(FileType.Unknown, FileType.Detect([0xC3, 0x28, 0x41]));
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")]
    [InlineData("<?xml version=\"1.0\"?>\n<svg/>")]
    [InlineData("\uFEFF  <!DOCTYPE html><html><body>hi</body></html>")]
    [InlineData("Just a note\n<script>steal()</script>")]
    public void Svg_and_html_are_recognised_as_markup_whatever_they_are_called(string text)
    {
        Assert.Equal(FileType.Markup, FileType.Detect(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void An_images_size_is_read_from_its_header_before_anything_decodes_it()
    {
        Assert.Equal((20_000, 20_000), ImageHeader.TryReadSize(PngHeader(20_000, 20_000)));
        Assert.Equal((640, 480), ImageHeader.TryReadSize([(byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a', 0x80, 0x02, 0xE0, 0x01]));
        // A baseline JPEG: SOI, an APP0 segment, then SOF0 with height 300 and width 400.
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0x2C, 0x01, 0x90, 0x03, 0, 0, 0, 0, 0, 0, 0, 0];
        Assert.Equal((400, 300), ImageHeader.TryReadSize(jpeg));
        Assert.Null(ImageHeader.TryReadSize(PngHeader(0, 10)));
        Assert.Null(ImageHeader.TryReadSize(PngHeader(10, 10).AsSpan(0, 20)));
        Assert.Null(ImageHeader.TryReadSize("%PDF-1.7"u8));
    }

    [Theory]
    [InlineData("../../etc/passwd.png", "png", "passwd.png")]
    [InlineData("C:\\Users\\ana\\Desktop\\error dialog.PNG", "png", "error dialog.png")]
    [InlineData("screen\u0000shot\u202E.png", "png", "screenshot.png")]
    [InlineData("photo.png", "jpg", "photo.jpg")]
    [InlineData("", "jpg", "attachment.jpg")]
    [InlineData("...", "jpg", "attachment.jpg")]
    public void An_image_is_offered_under_a_clean_name_with_the_extension_of_what_it_is(string uploaded, string isReally, string offered)
    {
        Assert.Equal(offered, Attachment.Name(uploaded, isReally == "png" ? FileType.Png : FileType.Jpeg));
    }

    [Fact]
    public void A_very_long_name_is_shortened_and_keeps_its_extension()
    {
        var name = Attachment.Name(new string('a', 500) + ".log", FileType.Text);
        Assert.Equal(Attachment.FileNameMaxLength, name.Length);
        Assert.EndsWith(".log", name, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_uploader_posts_an_upload_and_only_once()
    {
        var owner = Guid.NewGuid();
        var attachment = Attachment.Upload(Guid.NewGuid(), owner, "server.log", FileType.Text, 42, Now);
        Assert.Throws<ForbiddenException>(() => attachment.AttachTo(7, 0, Guid.NewGuid(), Now));
        attachment.AttachTo(7, 0, owner, Now);
        Assert.Equal(7, attachment.PostId);
        Assert.Throws<DomainException>(() => attachment.AttachTo(8, 0, owner, Now));
    }

    [Fact]
    public void An_attachment_opens_for_whoever_may_read_its_post_and_a_pending_upload_only_for_its_uploader()
    {
        var author = AMember();
        var authorId = author.MemberId!.Value;
        var member = AMember();
        var staff = AStaffMember();
        var moderator = AModerator();
        PostSnapshot Post(bool staffNote = false, bool hidden = false, bool deleted = false) => new(authorId, false, staffNote, hidden ? Now : null, deleted ? Now : null);

        bool Opens(Viewer viewer, IPostState? post) => ConversationPolicy.MayOpenAttachment(viewer, post, authorId);

        Assert.All(new[] { Viewer.Anonymous, member, staff, moderator, author }, v => Assert.True(Opens(v, Post())));

        Assert.False(Opens(Viewer.Anonymous, Post(staffNote: true)));
        Assert.False(Opens(member, Post(staffNote: true)));
        Assert.True(Opens(staff, Post(staffNote: true)));
        Assert.True(Opens(moderator, Post(staffNote: true)));

        Assert.False(Opens(Viewer.Anonymous, Post(hidden: true)));
        Assert.False(Opens(member, Post(hidden: true)));
        Assert.False(Opens(staff, Post(hidden: true)));
        Assert.True(Opens(moderator, Post(hidden: true)));
        Assert.True(Opens(author, Post(hidden: true)));

        Assert.False(Opens(Viewer.Anonymous, Post(deleted: true)));
        Assert.False(Opens(member, Post(deleted: true)));
        Assert.False(Opens(staff, Post(deleted: true)));
        Assert.False(Opens(author, Post(deleted: true)));
        Assert.True(Opens(moderator, Post(deleted: true)));

        Assert.True(Opens(author, null));
        Assert.False(Opens(member, null));
        Assert.False(Opens(moderator, null));
        Assert.False(Opens(Viewer.Anonymous, null));
    }
}
