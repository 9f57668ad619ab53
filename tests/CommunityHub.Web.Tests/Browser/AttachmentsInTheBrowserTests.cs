using CommunityHub.Testing;
using Microsoft.Playwright;

namespace CommunityHub.Web.Tests.Browser;

/// <summary>Attaching in a real browser: the plain file input without script, and a pasted screenshot with it.</summary>
public sealed class AttachmentsInTheBrowserTests(WebFixture fixture, BrowserSession session) : BrowserTest(fixture, session)
{
    [Fact]
    public async Task A_screenshot_chosen_in_the_file_input_without_script_shows_in_the_reply_for_another_member()
    {
        await CreateSpaceAsync("questions", "Questions");
        var alice = await NewPersonAsync(javaScript: false);
        await RegisterAsync(alice, "Alice Chen");
        await StartThreadInBrowserAsync(alice, "Questions", "Export fails", "It stops at 80 %.");
        var threadUrl = new Uri(alice.Url).AbsolutePath;

        await alice.GetByLabel("Reply", new() { Exact = true }).FillAsync("This is the error dialog.");
        await alice.GetByLabel("Attach files").SetInputFilesAsync([
            new FilePayload { Name = "error dialog.png", MimeType = "image/png", Buffer = TestImages.Png(800, 400) },
            new FilePayload { Name = "export.log", MimeType = "text/plain", Buffer = "ERROR timeout\n"u8.ToArray() },
        ]);
        await alice.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();
        await Assertions.Expect(alice.Locator(".post-list .post").Last).ToContainTextAsync("This is the error dialog.");

        var bruno = await NewPersonAsync();
        await RegisterAsync(bruno, "Bruno Costa");
        await bruno.GotoAsync(threadUrl);
        var image = bruno.GetByRole(AriaRole.Img, new() { Name = "Attached image error dialog.png (opens the full size)" });
        await Assertions.Expect(image).ToBeVisibleAsync();
        await Assertions.Expect(image).ToHaveJSPropertyAsync("naturalWidth", 800);
        await Assertions.Expect(bruno.GetByRole(AriaRole.Link, new() { Name = "export.log" })).ToBeVisibleAsync();
        await PageQualityTests.AssertAccessibleAsync(bruno, "A thread with an image and a file");
    }

    [Fact]
    public async Task A_screenshot_pasted_into_the_reply_is_uploaded_ahead_and_posted_with_it()
    {
        await CreateSpaceAsync("questions", "Questions");
        var alice = await NewPersonAsync(bypassCsp: false);
        await RegisterAsync(alice, "Alice Chen");
        await StartThreadInBrowserAsync(alice, "Questions", "Pasting", "Let us see.");
        var text = alice.GetByLabel("Reply", new() { Exact = true });
        await text.FillAsync("Pasted:");

        var png = Convert.ToBase64String(TestImages.Png(300, 200));
        await text.EvaluateAsync("""
            (area, data) => {
                const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
                const transfer = new DataTransfer();
                transfer.items.add(new File([bytes], "image.png", { type: "image/png" }));
                area.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
            }
            """, png);

        await Assertions.Expect(alice.Locator(".attachments-pending")).ToContainTextAsync("image.png (");
        await Assertions.Expect(alice.GetByRole(AriaRole.Button, new() { Name = "Remove image.png" })).ToBeVisibleAsync();
        await PageQualityTests.AssertAccessibleAsync(alice, "The reply form with a pasted upload");
        await alice.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();

        var image = alice.Locator(".post-list .post").Last.GetByRole(AriaRole.Img);
        await Assertions.Expect(image).ToBeVisibleAsync();
        await Assertions.Expect(image).ToHaveJSPropertyAsync("naturalWidth", 300);
    }
}
