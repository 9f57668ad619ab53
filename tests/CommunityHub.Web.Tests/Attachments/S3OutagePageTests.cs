using System.Net;
using CommunityHub.Testing;
using CommunityHub.Web.Tests.Avatars;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Attachments;

/// <summary>Pages of an app that keeps its files in an S3-compatible bucket (s3rver on 127.0.0.1, started here and
/// stopped to play an outage): while the bucket is away, a new picture or a reply with a screenshot is refused with a
/// sentence on the page, never a 500, nothing is half-written, and the old picture is still served, because its copies
/// are deleted only after a change has committed.</summary>
public sealed class S3OutagePageTests(WebFixture fixture) : WebTest(fixture)
{
    private S3Server _s3 = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _s3 = await S3Server.StartAsync();
    }

    public override async Task DisposeAsync()
    {
        await _s3.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>An app of its own: the server's port is this test's.</summary>
    private CommunityWebFactory App => Fixture.AppWith($"s3-{_s3.Port}", _s3.Settings());

    private Task<Guid?> AvatarOfAsync(string displayName) =>
        DbAsync(db => db.Members.Where(m => m.DisplayName == displayName).Select(m => m.AvatarId).SingleAsync());

    [Fact]
    public async Task With_the_bucket_away_a_new_picture_is_refused_with_a_sentence_and_the_old_one_is_still_served()
    {
        var app = App;
        var alice = await NewMemberAsync(NewVisitor(app), "Alice");
        using (var first = await AvatarPageTests.UploadAsync(alice, "me.png", TestImages.Png(200, 150)))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        var old = (await AvatarOfAsync("Alice"))!.Value;
        await _s3.StopAsync();

        using var refused = await AvatarPageTests.UploadAsync(alice, "new.jpg", TestImages.Jpeg(300, 300));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("The file storage is not answering", (await ParseAsync(refused)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(old, await AvatarOfAsync("Alice"));
        Assert.Equal(1, await DbAsync(db => db.Avatars.CountAsync()));

        await _s3.StartAgainAsync();
        var visitor = NewVisitor(app);
        foreach (var size in new[] { 48, 96, 192 })
        {
            using var served = await visitor.GetAsync($"/avatars/{old}/{size}");
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        }

        using (var again = await AvatarPageTests.UploadAsync(alice, "new.jpg", TestImages.Jpeg(300, 300)))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        Assert.NotEqual(old, await AvatarOfAsync("Alice"));
        using var replaced = await visitor.GetAsync($"/avatars/{old}/48");
        Assert.Equal(HttpStatusCode.NotFound, replaced.StatusCode);
    }

    [Fact]
    public async Task With_the_bucket_away_a_reply_with_a_screenshot_is_refused_with_a_sentence_its_text_kept_and_nothing_posted()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync(NewVisitor(App), "Alice");
        var thread = await StartThreadAsync(alice);
        await _s3.StopAsync();

        using var refused = await AttachmentPageTests.ReplyWithFilesAsync(alice, thread, "See the dialog", ("dialog.png", TestImages.Png(300, 200)));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await ParseAsync(refused);
        Assert.Contains("The file storage is not answering", page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("See the dialog", page.QuerySelector("#reply-form textarea")!.TextContent.Trim());
        Assert.Equal(0, await ReplyCountAsync());
        Assert.Equal(0, await DbAsync(db => db.Attachments.CountAsync()));
    }
}
