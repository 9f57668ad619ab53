using CommunityHub.Domain.Members;
using CommunityHub.Web.Tests.Browser;
using Microsoft.Playwright;

namespace CommunityHub.Web.Tests.Live;

/// <summary>Live pages in a real browser across two instances on one database: the page is served by instance B (on
/// Kestrel), the writes go through instance A (the in-memory app), and B hears of them only through PostgreSQL's
/// LISTEN/NOTIFY. The page changes without a reload, says so politely, and still passes axe.</summary>
public sealed class LiveInTheBrowserTests(WebFixture fixture, BrowserSession session) : BrowserTest(fixture, session)
{
    /// <summary>A mark on the page's window: still there later, the page was not reloaded.</summary>
    private static async Task MarkAsync(IPage page) => await page.EvaluateAsync("() => { window.notReloaded = true; }");

    private static async Task AssertNotReloadedAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "The page was reloaded.");

    [Fact]
    public async Task A_reply_posted_through_one_instance_appears_on_the_thread_page_served_by_another()
    {
        await CreateSpaceAsync("questions", "Questions");
        var alice = await NewPersonAsync();
        await RegisterAsync(alice, "Alice Chen");
        await StartThreadInBrowserAsync(alice, "Questions", "Exporting invoices as CSV", "How do I export invoices?");
        var threadUrl = new Uri(alice.Url).AbsolutePath;
        await Assertions.Expect(alice.Locator(".replies .empty")).ToHaveTextAsync("No replies yet.");
        await MarkAsync(alice);

        // Instance A: Bruno replies, and Sam adds a staff note, through the in-memory app.
        var bruno = await NewMemberAsync("Bruno Costa");
        using (await ReplyAsync(bruno, threadUrl, "Use the export menu under Reports."))
        {
        }

        await Assertions.Expect(alice.Locator(".post-list .post")).ToHaveCountAsync(1);
        await Assertions.Expect(alice.Locator(".post-list .post").Last).ToContainTextAsync("Use the export menu under Reports.");
        await Assertions.Expect(alice.Locator("#live-status")).ToHaveTextAsync("1 new reply");
        await Assertions.Expect(alice.GetByRole(AriaRole.Heading, new() { Name = "1 reply" })).ToBeVisibleAsync();
        // Alice started the thread: the reply is also her notification, and the header says so.
        await Assertions.Expect(alice.Locator(".notification-link")).ToHaveTextAsync("Notifications, 1 unread");
        await AssertNotReloadedAsync(alice);

        var sam = await NewMemberAsync("Sam Staff", Roles.Staff);
        using (await SubmitFormAsync(sam, threadUrl, new Dictionary<string, string> { ["Input.Body"] = "Internal: enterprise plan", ["Input.IsStaffNote"] = "true" }, "#reply-form form"))
        {
        }

        using (await ReplyAsync(bruno, threadUrl, "Or the CSV button on the invoice list."))
        using (await ReplyAsync(bruno, threadUrl, "Both give the same file."))
        {
        }

        await Assertions.Expect(alice.Locator(".post-list .post")).ToHaveCountAsync(3);
        await Assertions.Expect(alice.Locator("#live-status")).ToHaveTextAsync("2 new replies");
        await Assertions.Expect(alice.Locator("main")).Not.ToContainTextAsync("enterprise plan");
        await AssertNotReloadedAsync(alice);
        await PageQualityTests.AssertAccessibleAsync(alice, "A thread with live replies appended");

        // Sam's own browser, on instance B too, meets the note live.
        var samsPage = await NewPersonAsync();
        await SignInAsync(samsPage, "Sam Staff");
        await samsPage.GotoAsync(threadUrl);
        await Assertions.Expect(samsPage.Locator(".post--staff-note")).ToHaveCountAsync(1);
        await MarkAsync(samsPage);
        using (await SubmitFormAsync(sam, threadUrl, new Dictionary<string, string> { ["Input.Body"] = "Internal: second note", ["Input.IsStaffNote"] = "true" }, "#reply-form form"))
        {
        }

        await Assertions.Expect(samsPage.Locator(".post--staff-note")).ToHaveCountAsync(2);
        await AssertNotReloadedAsync(samsPage);
        await Assertions.Expect(alice.Locator(".post-list .post")).ToHaveCountAsync(3);
    }

    [Fact]
    public async Task A_space_list_offers_new_threads_started_through_another_instance()
    {
        await CreateSpaceAsync("questions", "Questions");
        var alice = await NewPersonAsync(375);
        await RegisterAsync(alice, "Alice Chen");
        await StartThreadInBrowserAsync(alice, "Questions", "Exporting invoices as CSV", "How do I export invoices?");
        await alice.GotoAsync("/s/questions");
        await MarkAsync(alice);

        var bruno = await NewMemberAsync("Bruno Costa");
        await StartThreadAsync(bruno, title: "Can I import contacts?");

        var bar = alice.GetByRole(AriaRole.Link, new() { Name = "1 new thread — show" });
        await Assertions.Expect(bar).ToBeVisibleAsync();
        await Assertions.Expect(alice.Locator("#live-status")).ToHaveTextAsync("1 new thread");
        await AssertNotReloadedAsync(alice);
        await PageQualityTests.AssertAccessibleAsync(alice, "A space with the new threads bar");

        await bar.FocusAsync();
        await alice.Keyboard.PressAsync("Enter");
        await Assertions.Expect(alice.GetByRole(AriaRole.Link, new() { Name = "Can I import contacts?" })).ToBeVisibleAsync();
        await Assertions.Expect(alice.Locator(".live-bar")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Without_javascript_the_thread_page_stays_as_it_was_until_reloaded()
    {
        await CreateSpaceAsync("questions", "Questions");
        var bruno = await NewMemberAsync("Bruno Costa");
        var threadUrl = await StartThreadAsync(bruno);
        var alice = await NewPersonAsync(javaScript: false);
        await RegisterAsync(alice, "Alice Chen");
        await alice.GotoAsync(threadUrl);

        using (await ReplyAsync(bruno, threadUrl, "A reply while Alice reads."))
        {
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        await Assertions.Expect(alice.Locator(".post-list .post")).ToHaveCountAsync(0);
        await alice.ReloadAsync();
        await Assertions.Expect(alice.Locator(".post-list .post")).ToHaveCountAsync(1);
    }
}
