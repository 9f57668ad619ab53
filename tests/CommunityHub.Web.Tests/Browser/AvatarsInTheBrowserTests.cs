using CommunityHub.Testing;
using Microsoft.Playwright;

namespace CommunityHub.Web.Tests.Browser;

/// <summary>A picture in a real browser: chosen in the account page's plain file input, then beside the member's post.</summary>
public sealed class AvatarsInTheBrowserTests(WebFixture fixture, BrowserSession session) : BrowserTest(fixture, session)
{
    [Fact]
    public async Task A_member_uploads_a_picture_on_the_account_page_and_sees_it_on_their_post()
    {
        await CreateSpaceAsync("questions", "Questions");
        var alice = await NewPersonAsync();
        await RegisterAsync(alice, "Alice Chen");

        await alice.GotoAsync("/account");
        await alice.GetByRole(AriaRole.Link, new() { Name = "Your picture" }).ClickAsync();
        await alice.GetByLabel("Choose a picture").SetInputFilesAsync(new FilePayload { Name = "me.png", MimeType = "image/png", Buffer = TestImages.Png(300, 200) });
        await alice.GetByRole(AriaRole.Button, new() { Name = "Upload picture" }).ClickAsync();
        await Assertions.Expect(alice.Locator(".avatar-preview img")).ToBeVisibleAsync();
        await Assertions.Expect(alice.GetByRole(AriaRole.Button, new() { Name = "Remove picture" })).ToBeVisibleAsync();

        await StartThreadInBrowserAsync(alice, "Questions", "Export fails", "It stops at 80 %.");
        var picture = alice.Locator(".post--opening .post__header img.avatar");
        await Assertions.Expect(picture).ToBeVisibleAsync();
        // Decoded, not a broken image: the browser fetched the WebP and knows its size.
        Assert.Equal(48, await picture.EvaluateAsync<int>("img => img.naturalWidth"));
    }
}
