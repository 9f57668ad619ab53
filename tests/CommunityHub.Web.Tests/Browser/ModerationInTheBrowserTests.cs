using CommunityHub.Domain.Members;
using Microsoft.Playwright;

namespace CommunityHub.Web.Tests.Browser;

public sealed class ModerationInTheBrowserTests(WebFixture fixture, BrowserSession session) : BrowserTest(fixture, session)
{
    /// <summary>Someone with roles: registered over HTTP, granted, then signed in in the browser.</summary>
    private async Task<IPage> PersonWithRolesAsync(string displayName, string[] roles, int width = 1280, string? title = null)
    {
        await NewMemberAsync(displayName);
        await Fixture.GrantAsync(displayName, roles, title);
        var page = await NewPersonAsync(width);
        await SignInAsync(page, displayName);
        return page;
    }

    [Fact]
    public async Task A_moderator_locks_a_thread_and_a_member_can_no_longer_reply()
    {
        await CreateSpaceAsync("questions", "Questions");
        var alice = await NewPersonAsync();
        await RegisterAsync(alice, "Alice Chen");
        await StartThreadInBrowserAsync(alice, "Questions", "Refund policy argument", "Why was I charged twice?");
        var threadUrl = new Uri(alice.Url).AbsolutePath;
        var morgan = await PersonWithRolesAsync("Morgan Reyes", [Roles.Moderator]);

        await morgan.GotoAsync(threadUrl);
        await morgan.GetByLabel("Reason, for the audit log (optional)").FillAsync("Turning into an argument");
        await morgan.GetByRole(AriaRole.Button, new() { Name = "Lock thread" }).ClickAsync();
        await Assertions.Expect(morgan.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Locked");
        await Assertions.Expect(morgan.GetByRole(AriaRole.Button, new() { Name = "Unlock thread" })).ToBeVisibleAsync();

        await alice.GotoAsync(threadUrl);
        await Assertions.Expect(alice.Locator(".thread-state-notice")).ToContainTextAsync("This thread is locked");
        await Assertions.Expect(alice.GetByLabel("Reply", new() { Exact = true })).ToHaveCountAsync(0);
        await Assertions.Expect(alice.GetByRole(AriaRole.Button, new() { Name = "Post reply" })).ToHaveCountAsync(0);

        await morgan.GotoAsync("/moderation/log");
        await Assertions.Expect(morgan.Locator(".log-table tbody tr").First).ToContainTextAsync("Locked a thread");
        await Assertions.Expect(morgan.Locator(".log-table tbody tr").First).ToContainTextAsync("Turning into an argument");
    }

    [Fact]
    public async Task A_member_flags_a_post_and_a_moderator_hides_it_from_the_queue()
    {
        await CreateSpaceAsync("questions", "Questions");
        var alice = await NewPersonAsync();
        await RegisterAsync(alice, "Alice Chen");
        await StartThreadInBrowserAsync(alice, "Questions", "Best way to schedule exports?", "Nightly or hourly?");
        var threadUrl = new Uri(alice.Url).AbsolutePath;
        await alice.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        var bruno = await NewPersonAsync();
        await RegisterAsync(bruno, "Bruno Costa");
        await bruno.GotoAsync(threadUrl);
        await ReplyInBrowserAsync(bruno, "Buy cheap followers at example.com/deals");

        await SignInAsync(alice, "Alice Chen");
        await alice.GotoAsync(threadUrl);
        await alice.GetByRole(AriaRole.Link, new() { Name = "Flag the post by Bruno Costa" }).ClickAsync();
        await alice.GetByLabel("What is wrong with this post?").FillAsync("Spam: an advert, not an answer.");
        await alice.GetByRole(AriaRole.Button, new() { Name = "Send flag to the moderators" }).ClickAsync();
        await Assertions.Expect(alice.GetByRole(AriaRole.Status)).ToContainTextAsync("the moderators will look at the post");

        var morgan = await PersonWithRolesAsync("Morgan Reyes", [Roles.Moderator]);
        await morgan.GetByRole(AriaRole.Link, new() { Name = "Moderation" }).ClickAsync();
        var flag = morgan.Locator(".flag").First;
        await Assertions.Expect(flag).ToContainTextAsync("Spam: an advert, not an answer.");
        await flag.GetByLabel("Reason shown to Bruno Costa").FillAsync("Advertising is not allowed here.");
        await flag.GetByRole(AriaRole.Button, new() { Name = "Hide post by Bruno Costa" }).ClickAsync();
        await Assertions.Expect(morgan.Locator(".empty")).ToHaveTextAsync("No open flags. All quiet.");

        await alice.GotoAsync(threadUrl);
        await Assertions.Expect(alice.Locator(".post-list .post").First).ToContainTextAsync("This reply was hidden by a moderator.");
        await Assertions.Expect(alice.Locator(".post-list .post").First).Not.ToContainTextAsync("cheap followers");
        await bruno.GotoAsync(threadUrl);
        await Assertions.Expect(bruno.Locator(".post-list .post").First).ToContainTextAsync("Reason: Advertising is not allowed here");
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task Every_staff_and_moderation_page_passes_axe_and_fits_the_screen(int width)
    {
        await CreateSpaceAsync("questions", "Questions");
        await CreateSpaceAsync("ideas", "Ideas", 2);
        var alice = await NewPersonAsync(width);
        await RegisterAsync(alice, "Alice Chen");
        await StartThreadInBrowserAsync(alice, "Questions", "A question that the company answers officially", "How do scheduled exports work?");
        var threadUrl = new Uri(alice.Url).AbsolutePath;
        await ReplyInBrowserAsync(alice, "Adding some detail to my own question.");
        // Staff and an executive: the executive badge shows, and the home page lists who took part.
        var sam = await PersonWithRolesAsync("Sam Patel", [Roles.Staff, Roles.Executive], width, "Chief Product Officer");
        await sam.GotoAsync(threadUrl);
        await sam.GetByLabel("Reply", new() { Exact = true }).FillAsync("They run at the hour you choose.");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();
        await sam.GetByLabel("Reply", new() { Exact = true }).FillAsync("Note for the team: docs are out of date.");
        await sam.GetByLabel("Post as a staff note").CheckAsync();
        await sam.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();
        await sam.GetByRole(AriaRole.Button, new() { Name = "Mark as official answer for the reply by Sam Patel" }).ClickAsync();
        await Assertions.Expect(sam.Locator(".post--official")).ToHaveCountAsync(1);
        await PageQualityTests.AssertAccessibleAsync(sam, "A thread with an official answer and a staff note, for staff");

        await alice.GotoAsync(threadUrl);
        await alice.GetByRole(AriaRole.Link, new() { Name = "Flag the post by Sam Patel" }).ClickAsync();
        await alice.GetByRole(AriaRole.Button, new() { Name = "Send flag to the moderators" }).ClickAsync();
        await PageQualityTests.AssertAccessibleAsync(alice, "The flag form with an error");
        await alice.GetByLabel("What is wrong with this post?").FillAsync("Testing the queue.");
        await alice.GetByRole(AriaRole.Button, new() { Name = "Send flag to the moderators" }).ClickAsync();
        await alice.GetByRole(AriaRole.Link, new() { Name = "Edit the post by Alice Chen" }).Last.ClickAsync();
        await alice.GetByLabel("Post", new() { Exact = true }).FillAsync("Adding some detail to my own question, edited.");
        await alice.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await alice.GetByRole(AriaRole.Link, new() { Name = "Edited" }).Last.ClickAsync();
        await PageQualityTests.AssertAccessibleAsync(alice, "A post's edit history");

        var ada = await PersonWithRolesAsync("Ada Okafor", [Roles.Admin], width);
        await ada.GotoAsync(threadUrl);
        await PageQualityTests.AssertAccessibleAsync(ada, "A thread with the moderation bar");
        await ada.GotoAsync("/");
        await Assertions.Expect(ada.Locator(".presence")).ToContainTextAsync("Sam Patel");
        await PageQualityTests.AssertAccessibleAsync(ada, "The home page with executives present");
        await ada.GotoAsync("/s/questions?with=company");
        await PageQualityTests.AssertAccessibleAsync(ada, "A space's threads with the company taking part");
        await ada.GotoAsync("/moderation");
        await PageQualityTests.AssertAccessibleAsync(ada, "The flag queue");
        await ada.GetByRole(AriaRole.Button, new() { Name = "Suspend Sam Patel" }).ClickAsync();
        await PageQualityTests.AssertAccessibleAsync(ada, "The flag queue with an error");
        await ada.GotoAsync("/moderation/log");
        await PageQualityTests.AssertAccessibleAsync(ada, "The audit log");
        await ada.GotoAsync("/moderation/members");
        await PageQualityTests.AssertAccessibleAsync(ada, "The member search");
        await ada.GetByRole(AriaRole.Link, new() { Name = "Sam Patel" }).ClickAsync();
        await PageQualityTests.AssertAccessibleAsync(ada, "A member's standing and roles");
        await ada.GotoAsync("/admin/spaces");
        await PageQualityTests.AssertAccessibleAsync(ada, "The spaces");
        await ada.GetByRole(AriaRole.Link, new() { Name = "New space" }).ClickAsync();
        await ada.GetByRole(AriaRole.Button, new() { Name = "Create space" }).ClickAsync();
        await PageQualityTests.AssertAccessibleAsync(ada, "The new space form with errors");
        await ada.GotoAsync("/admin/values");
        await ada.GetByLabel("Values").FillAsync("# Be kind\n\nAssume good intent.\n\n# Keep it useful\n\n- Stay on topic.");
        await ada.GetByRole(AriaRole.Button, new() { Name = "Publish values" }).ClickAsync();
        await PageQualityTests.AssertAccessibleAsync(ada, "The values page");
        await ada.GotoAsync("/admin/values");
        await PageQualityTests.AssertAccessibleAsync(ada, "The values editor");
        await ada.GotoAsync(threadUrl);
        var hide = ada.GetByRole(AriaRole.Link, new() { Name = "Hide the reply by Alice Chen" });
        await hide.ClickAsync();
        await PageQualityTests.AssertAccessibleAsync(ada, "The hide form");
        await ada.GetByLabel("Reason, shown to Alice Chen").FillAsync("Testing a hidden reply.");
        await ada.GetByRole(AriaRole.Button, new() { Name = "Hide reply" }).ClickAsync();
        await alice.GotoAsync(threadUrl);
        await PageQualityTests.AssertAccessibleAsync(alice, "A thread with a hidden reply, for its author");
        await alice.GetByRole(AriaRole.Link, new() { Name = "Your standing" }).First.ClickAsync();
        await Assertions.Expect(alice.Locator(".history-list")).ToContainTextAsync("A moderator hid one of your posts");
        await PageQualityTests.AssertAccessibleAsync(alice, "A member's own standing");
    }
}
