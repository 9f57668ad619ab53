using System.Text.RegularExpressions;
using CommunityHub.Testing;
using Microsoft.Playwright;

namespace CommunityHub.Web.Tests.Browser;

/// <summary>The composer in a real browser, under the real CSP: a screenshot pasted into a reply, formatted with the
/// keyboard, previewed, posted with Ctrl+Enter; a second member sees the image and quotes a passage of it.</summary>
public sealed partial class ComposerInTheBrowserTests(WebFixture fixture, BrowserSession session) : BrowserTest(fixture, session)
{
    [Fact]
    public async Task A_pasted_screenshot_is_previewed_posted_seen_by_another_member_who_quotes_a_passage()
    {
        await CreateSpaceAsync("questions", "Questions");
        var alice = await NewPersonAsync(bypassCsp: false);
        await RegisterAsync(alice, "Alice Chen");
        await StartThreadInBrowserAsync(alice, "Questions", "Export fails", "It stops at 80 %.");
        var threadUrl = new Uri(alice.Url).AbsolutePath;

        var text = alice.GetByLabel("Reply", new() { Exact = true });
        await text.FillAsync("Open the ");
        await text.PressAsync("Control+b");
        await text.PressSequentiallyAsync("File");
        await text.PressAsync("End");
        await text.PressSequentiallyAsync(" menu and choose Export as CSV.");
        await Assertions.Expect(text).ToHaveValueAsync("Open the **File** menu and choose Export as CSV.");

        var png = Convert.ToBase64String(TestImages.Png(320, 200));
        await text.EvaluateAsync("""
            (area, data) => {
                const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
                const transfer = new DataTransfer();
                transfer.items.add(new File([bytes], "screenshot.png", { type: "image/png" }));
                area.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
            }
            """, png);
        await Assertions.Expect(alice.Locator(".attachments-pending")).ToContainTextAsync("screenshot.png (");

        // The toolbar is one tab stop; arrow keys move along it.
        var toolbar = alice.GetByRole(AriaRole.Toolbar, new() { Name = "Formatting" });
        await toolbar.GetByRole(AriaRole.Button, new() { Name = "Bold" }).FocusAsync();
        await alice.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(toolbar.GetByRole(AriaRole.Button, new() { Name = "Italic" })).ToBeFocusedAsync();

        await alice.GetByRole(AriaRole.Tab, new() { Name = "Preview" }).ClickAsync();
        var preview = alice.GetByRole(AriaRole.Tabpanel);
        await Assertions.Expect(preview.Locator("strong")).ToHaveTextAsync("File");
        await PageQualityTests.AssertAccessibleAsync(alice, "The reply form's preview tab");
        await alice.GetByRole(AriaRole.Tab, new() { Name = "Write" }).ClickAsync();
        await PageQualityTests.AssertAccessibleAsync(alice, "The reply form with its toolbar");
        await text.PressAsync("Control+Enter");
        var posted = alice.Locator(".post-list .post").Last;
        await Assertions.Expect(posted).ToContainTextAsync("menu and choose Export as CSV.");
        await Assertions.Expect(posted.GetByRole(AriaRole.Img)).ToHaveJSPropertyAsync("naturalWidth", 320);

        var bruno = await NewPersonAsync(bypassCsp: false);
        await RegisterAsync(bruno, "Bruno Costa");
        await bruno.GotoAsync(threadUrl);
        var reply = bruno.Locator(".post-list .post").Last;
        await Assertions.Expect(reply.GetByRole(AriaRole.Img)).ToHaveJSPropertyAsync("naturalWidth", 320);
        await reply.Locator(".post__body p").EvaluateAsync("""
            (p) => {
                const words = p.lastChild;
                const at = words.textContent.indexOf("choose");
                const range = document.createRange();
                range.setStart(words, at);
                range.setEnd(words, at + "choose Export as CSV".length);
                const selection = window.getSelection();
                selection.removeAllRanges();
                selection.addRange(range);
            }
            """);
        await reply.GetByRole(AriaRole.Link, new() { Name = "Quote Alice Chen" }).ClickAsync();
        var answer = bruno.GetByLabel("Reply", new() { Exact = true });
        await Assertions.Expect(answer).ToHaveValueAsync(QuoteOfThePassage());
        await answer.PressAsync("End");
        await answer.PressSequentiallyAsync("Found it, thanks.");
        await bruno.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();

        var quote = bruno.Locator(".post-list .post").Last.Locator("blockquote");
        await Assertions.Expect(quote).ToContainTextAsync("choose Export as CSV");
        await Assertions.Expect(quote.GetByRole(AriaRole.Link, new() { Name = "Alice Chen wrote:" })).ToHaveAttributeAsync("href", new Regex($"^{Regex.Escape(threadUrl)}\\?before=\\d+#post-\\d+$"));
    }

    [Fact]
    public async Task At_completes_a_member_and_colon_an_emoji_from_the_keyboard_and_the_post_shows_both()
    {
        await CreateSpaceAsync("questions", "Questions");
        var alan = await NewPersonAsync(bypassCsp: false);
        await RegisterAsync(alan, "Alan Turing");
        var alice = await NewPersonAsync(bypassCsp: false);
        await RegisterAsync(alice, "Alice Chen");
        await StartThreadInBrowserAsync(alice, "Questions", "Who knows exports?", "Asking around.");

        var text = alice.GetByLabel("Reply", new() { Exact = true });
        await text.PressSequentiallyAsync("Thanks @al");
        var list = alice.GetByRole(AriaRole.Listbox, new() { Name = "Suggestions" });
        await Assertions.Expect(list.GetByRole(AriaRole.Option)).ToHaveCountAsync(2);
        await Assertions.Expect(text).ToHaveAttributeAsync("role", "combobox");
        await Assertions.Expect(text).ToHaveAttributeAsync("aria-expanded", "true");
        var alanOption = list.GetByRole(AriaRole.Option).Filter(new() { HasText = "Alan Turing" });
        await Assertions.Expect(alanOption).ToHaveAttributeAsync("aria-selected", "true");
        await text.PressAsync("ArrowDown");
        await Assertions.Expect(list.GetByRole(AriaRole.Option).Filter(new() { HasText = "Alice Chen" })).ToHaveAttributeAsync("aria-selected", "true");
        await text.PressAsync("ArrowUp");
        await Assertions.Expect(text).ToHaveAttributeAsync("aria-activedescendant", (await alanOption.GetAttributeAsync("id"))!);
        await text.PressAsync("Enter");
        await Assertions.Expect(text).ToHaveValueAsync("Thanks @alan-turing ");
        await Assertions.Expect(list).ToBeHiddenAsync();
        await Assertions.Expect(text).Not.ToHaveAttributeAsync("role", "combobox");

        // Escape closes the list, and Enter is a new line again.
        await text.PressSequentiallyAsync("and @al");
        await Assertions.Expect(list).ToBeVisibleAsync();
        await text.PressAsync("Escape");
        await Assertions.Expect(list).ToBeHiddenAsync();
        await text.PressAsync("Backspace");
        await text.PressAsync("Backspace");
        await text.PressAsync("Backspace");
        await text.PressSequentiallyAsync("it works :tad");
        await Assertions.Expect(list.GetByRole(AriaRole.Option).First).ToHaveTextAsync("🎉 :tada:");
        await text.PressAsync("Tab");
        await Assertions.Expect(text).ToHaveValueAsync("Thanks @alan-turing and it works :tada: ");
        await PageQualityTests.AssertAccessibleAsync(alice, "The reply form after completing");

        await text.PressAsync("Control+Enter");
        var posted = alice.Locator(".post-list .post").Last;
        await Assertions.Expect(posted.GetByRole(AriaRole.Link, new() { Name = "@alan-turing" })).ToBeVisibleAsync();
        await Assertions.Expect(posted).ToContainTextAsync("and it works 🎉");
    }

    [GeneratedRegex(@"^> \[Alice Chen wrote:\]\(/s/questions/t/\d+\?before=\d+#post-\d+\)\n>\n> choose Export as CSV\n\n$")]
    private static partial Regex QuoteOfThePassage();
}
