using CommunityHub.Domain.Members;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CommunityHub.Web.Tests.Browser;

/// <summary>Every page passes axe-core and reads at 375 px without sideways scrolling.</summary>
public sealed class PageQualityTests(WebFixture fixture, BrowserSession session) : BrowserTest(fixture, session)
{
    /// <summary>Every rule, and every violation in full; the other result kinds (passes, inapplicable...) are only
    /// counted, as nothing here reads them.</summary>
    private static readonly AxeRunOptions AllRulesViolationsInFull = new() { ResultTypes = [ResultType.Violations] };

    internal static async Task AssertAccessibleAsync(IPage page, string what)
    {
        // axe in the page itself ("legacy mode"). The default mode checks each frame apart and merges the results in a
        // fresh page, for pages with cross-origin frames; ours have none, so the rules and findings are the same, and
        // the fresh page per check (a new browser context, axe injected twice) was half of the browser tests' CPU time.
#pragma warning disable CS0618 // Marked obsolete in favour of the per-frame mode above, which we do not need.
        // Bounded: axe's evaluation has no timeout of its own, and a page on which it never settles would hang the run.
        var results = await page.RunAxeLegacy(options: AllRulesViolationsInFull).WaitAsync(TimeSpan.FromSeconds(90));
#pragma warning restore CS0618
        var findings = results.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(findings.Count == 0, $"{what} at {page.Url}: {string.Join("; ", findings)}");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{what} scrolls sideways by {overflow}px at {page.ViewportSize?.Width}px wide.");
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task Every_page_passes_axe_and_fits_the_screen(int width)
    {
        await CreateSpaceAsync("questions", "Questions");
        var visitor = await NewPersonAsync(width);
        var alice = await NewPersonAsync(width);
        await RegisterAsync(alice, "Alice Chen");
        await StartThreadInBrowserAsync(alice, "Questions", "A thread with a rather long title that has to wrap on a narrow phone screen",
            "Some **Markdown**, a [link](https://example.com), `code`, and a very long word: supercalifragilisticexpialidociouslylongwordwithoutbreaks.\n\n- one\n- two");
        await ReplyInBrowserAsync(alice, "A reply.");
        var threadUrl = new Uri(alice.Url).AbsolutePath;

        await AssertAccessibleAsync(alice, "The thread, signed in");
        await alice.GetByRole(AriaRole.Link, new() { Name = "Reply to Alice Chen" }).Last.ClickAsync();
        await AssertAccessibleAsync(alice, "The thread, replying to a reply");
        await alice.GotoAsync("/");
        await AssertAccessibleAsync(alice, "The home page, signed in");
        await alice.GotoAsync("/s/questions/new");
        await alice.GetByRole(AriaRole.Button, new() { Name = "Start thread" }).ClickAsync();
        await Assertions.Expect(alice.Locator("#Input_Title-error")).ToBeVisibleAsync();
        await AssertAccessibleAsync(alice, "The new-thread form with errors");
        await alice.GotoAsync("/account/feeds");
        await alice.GetByRole(AriaRole.Button, new() { Name = "Make my private feed address" }).ClickAsync();
        await Assertions.Expect(alice.GetByLabel("New threads, Atom")).ToBeVisibleAsync();
        await AssertAccessibleAsync(alice, "Your private feed");
        await alice.GotoAsync("/account/avatar");
        await alice.GetByLabel("Choose a picture").SetInputFilesAsync(new FilePayload { Name = "me.png", MimeType = "image/png", Buffer = CommunityHub.Testing.TestImages.Png(120, 90) });
        await alice.GetByRole(AriaRole.Button, new() { Name = "Upload picture" }).ClickAsync();
        await Assertions.Expect(alice.GetByRole(AriaRole.Button, new() { Name = "Remove picture" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(alice, "Your picture");
        await alice.GotoAsync("/unread");
        await AssertAccessibleAsync(alice, "Unread");
        await alice.GotoAsync("/latest?sort=top");
        await AssertAccessibleAsync(alice, "Latest, top threads, signed in");
        await alice.GotoAsync(threadUrl);
        await alice.GetByLabel("Reply", new() { Exact = true }).FillAsync("A reply in waiting");
        await Assertions.Expect(alice.Locator(".composer-draft")).ToContainTextAsync("Draft saved.");
        await AssertAccessibleAsync(alice, "The thread with the composer's toolbar, tabs and draft status");
        await alice.GotoAsync($"{threadUrl}/title");
        await AssertAccessibleAsync(alice, "Changing a thread's title");
        await alice.GotoAsync("/account/ignored");
        await AssertAccessibleAsync(alice, "Members you ignore");
        await alice.GotoAsync("/drafts");
        await AssertAccessibleAsync(alice, "Your drafts");
        await alice.GotoAsync("/account/data");
        await AssertAccessibleAsync(alice, "Your data");
        await alice.GetByRole(AriaRole.Button, new() { Name = "Delete my account" }).ClickAsync();
        await Assertions.Expect(alice.Locator("#Input_Confirm-error")).ToBeVisibleAsync();
        await AssertAccessibleAsync(alice, "Your data, deleting without the password");

        // Search: a tagged thread whose posts match, grouped under it; the tag filter; a tag that does not exist.
        var ada = await NewMemberAsync("Ada Admin", Roles.Admin);
        using (await SubmitFormAsync(ada, "/admin/tags", new Dictionary<string, string> { ["Input.Name"] = "ledger", ["Input.Description"] = "The ledger app" }))
        {
        }

        using var tagged = await SubmitFormAsync(ada, "/s/questions/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "Ledger totals are off by a cent on a narrow screen with a long title", ["Input.Body"] = "The ledger rounds each line.", ["Input.Tags"] = "ledger",
        });
        for (var i = 0; i < 3; i++)
        {
            using (await ReplyAsync(ada, tagged.Headers.Location!.OriginalString, $"The ledger rounds half up, reply {i}."))
            {
            }
        }

        await alice.GotoAsync("/search?q=ledger&tag=ledger");
        await Assertions.Expect(alice.Locator(".search-hit")).ToHaveCountAsync(1);
        await Assertions.Expect(alice.Locator(".search-hit__post:has(mark)")).ToHaveCountAsync(3);
        await Assertions.Expect(alice.GetByLabel("With tag")).ToHaveValueAsync("ledger");
        await AssertAccessibleAsync(alice, "Search results grouped by thread, in a tag");
        await visitor.GotoAsync("/search?q=ledger&tag=no-such-tag");
        await Assertions.Expect(visitor.Locator("#unknown-tag")).ToContainTextAsync("No tag named");
        await Assertions.Expect(visitor.Locator(".search-hit")).ToHaveCountAsync(1);
        await AssertAccessibleAsync(visitor, "Search with a tag that does not exist");

        await visitor.GotoAsync("/");
        await AssertAccessibleAsync(visitor, "The home page");
        await visitor.GotoAsync("/s/questions");
        await AssertAccessibleAsync(visitor, "A space");
        await visitor.GotoAsync(threadUrl);
        await AssertAccessibleAsync(visitor, "A thread");
        await visitor.GotoAsync("/latest");
        await AssertAccessibleAsync(visitor, "Latest");
        await visitor.GotoAsync("/account/register");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await AssertAccessibleAsync(visitor, "The registration form with errors");
        await visitor.GotoAsync("/account/sign-in");
        await visitor.GetByLabel("E-mail address").FillAsync("nobody@example.com");
        await visitor.GetByLabel("Password", new() { Exact = true }).FillAsync("wrong password");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await AssertAccessibleAsync(visitor, "The sign-in form with an error");
        await visitor.GotoAsync("/no/such/page");
        await AssertAccessibleAsync(visitor, "The not-found page");
    }
}
