using CommunityHub.Application.Attachments;
using CommunityHub.Application.Threads;
using CommunityHub.Domain.Attachments;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Attachments;

public sealed class DemoScreenshotTests(CommunityFixture fixture) : ApplicationTest(fixture)
{
    [Fact]
    public async Task The_demo_question_about_exporting_shows_a_screenshot_of_the_export_menu()
    {
        await Fixture.UseDemoCommunityAsync();
        var threadId = await QueryAsync(db => db.Threads.Where(t => t.Title == "How do I export a report as CSV with filters applied?").Select(t => t.Id).SingleAsync());

        var page = await SendAsync(new GetThread.Query(threadId));

        var screenshot = Assert.Single(page.OpeningPost.Attachments);
        Assert.True(screenshot.IsImage);
        Assert.Equal("export-menu.png", screenshot.FileName);
        Assert.Equal((960, 540), (screenshot.DisplayWidth, screenshot.DisplayHeight));
        var thumbnail = await SendAsync(new GetAttachment.Query(screenshot.Id, AttachmentVariant.Thumbnail));
        Assert.Equal(FileType.Png, FileType.Detect(thumbnail.Content));
    }
}
