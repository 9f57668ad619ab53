using Microsoft.Playwright;

namespace CommunityHub.Web.Tests.Browser;

public sealed class ConversationInTheBrowserTests(WebFixture fixture, BrowserSession session) : BrowserTest(fixture, session)
{
    [Fact]
    public async Task A_member_starts_a_thread_another_replies_and_the_first_sees_the_reply()
    {
        await CreateSpaceAsync("questions", "Questions");
        var alice = await NewPersonAsync();
        await RegisterAsync(alice, "Alice Chen");
        await StartThreadInBrowserAsync(alice, "Questions", "Where is the CSV export?", "I can't find the **export** menu.");
        var threadUrl = new Uri(alice.Url).PathAndQuery;
        await alice.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        var bruno = await NewPersonAsync();
        await RegisterAsync(bruno, "Bruno Costa");
        await bruno.GotoAsync("/s/questions");
        await bruno.GetByRole(AriaRole.Link, new() { Name = "Where is the CSV export?" }).ClickAsync();
        await Assertions.Expect(bruno.Locator(".post--opening strong")).ToHaveTextAsync("export");
        await ReplyInBrowserAsync(bruno, "Top right, under Export view.");

        await SignInAsync(alice, "Alice Chen");
        await alice.GotoAsync(threadUrl);
        var reply = alice.Locator(".post-list .post").First;
        await Assertions.Expect(reply.Locator(".post__author")).ToHaveTextAsync("Bruno Costa");
        await Assertions.Expect(reply).ToContainTextAsync("Top right, under Export view.");
        await Assertions.Expect(alice.GetByRole(AriaRole.Heading, new() { Name = "1 reply" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Replying_to_a_reply_works_without_javascript()
    {
        await CreateSpaceAsync("questions", "Questions");
        var alice = await NewPersonAsync(javaScript: false);
        await RegisterAsync(alice, "Alice Chen");
        await StartThreadInBrowserAsync(alice, "Questions", "No script here", "Plain HTML forms.");
        await ReplyInBrowserAsync(alice, "First reply");

        await alice.GetByRole(AriaRole.Link, new() { Name = "Reply to Alice Chen" }).Last.ClickAsync();
        await Assertions.Expect(alice.Locator(".replying-to")).ToContainTextAsync("Replying to Alice Chen");
        await ReplyInBrowserAsync(alice, "Answering my own reply");

        await Assertions.Expect(alice.Locator(".post-list .post").Last).ToContainTextAsync("In reply to Alice Chen");
    }

    [Fact]
    public async Task A_blank_reply_comes_back_with_its_message_next_to_the_field()
    {
        await CreateSpaceAsync("questions", "Questions");
        var alice = await NewPersonAsync();
        await RegisterAsync(alice, "Alice Chen");
        await StartThreadInBrowserAsync(alice, "Questions", "Validation", "Body");

        await alice.GetByLabel("Reply", new() { Exact = true }).FillAsync("   ");
        await alice.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();

        await Assertions.Expect(alice.Locator("#Input_Body-error")).ToHaveTextAsync("Write something before posting.");
        await Assertions.Expect(alice.GetByLabel("Reply", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
    }

    [Fact]
    public async Task Hostile_markup_in_a_post_runs_no_script_in_the_browser()
    {
        await CreateSpaceAsync("questions", "Questions");
        var mallory = await NewPersonAsync();
        var dialogs = 0;
        mallory.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        await RegisterAsync(mallory, "Mallory");
        const string hostile = "<script>window.__xss = 1</script>\n\n<img src=x onerror=\"window.__xss = 2\">\n\n"
            + "[click](javascript:window.__xss=3) <svg onload=\"window.__xss=4\"></svg> \"><script>alert(1)</script>";

        await StartThreadInBrowserAsync(mallory, "Questions", "<script>window.__xss = 5</script> title", hostile);
        await mallory.ReloadAsync();
        await mallory.GotoAsync("/s/questions");
        await mallory.GotoAsync("/");
        await mallory.GoBackAsync();
        await mallory.GoBackAsync();
        var link = mallory.Locator(".post--opening a", new() { HasText = "click" });
        if (await link.CountAsync() > 0)
        {
            await link.ClickAsync();
        }

        Assert.Equal("undefined", await mallory.EvaluateAsync<string>("() => typeof window.__xss"));
        Assert.Equal(0, dialogs);
    }
}
