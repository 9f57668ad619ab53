using Microsoft.Playwright;

namespace CommunityHub.Web.Tests.Browser;

public sealed class NotificationsInTheBrowserTests(WebFixture fixture, BrowserSession session) : BrowserTest(fixture, session)
{
    [Fact]
    public async Task A_member_watching_a_space_is_told_of_a_new_thread_there_and_follows_the_notification_to_it()
    {
        await CreateSpaceAsync("questions", "Questions");
        var alice = await NewPersonAsync();
        await RegisterAsync(alice, "Alice Chen");
        await alice.GotoAsync("/s/questions");
        await alice.GetByRole(AriaRole.Button, new() { Name = "Watch this space" }).ClickAsync();
        await Assertions.Expect(alice.GetByRole(AriaRole.Button, new() { Name = "Stop watching this space" })).ToBeVisibleAsync();

        var bruno = await NewPersonAsync();
        await RegisterAsync(bruno, "Bruno Costa");
        await StartThreadInBrowserAsync(bruno, "Questions", "Do webhooks retry?", "If my endpoint is down, is the event lost?");

        await alice.GotoAsync("/");
        await Assertions.Expect(alice.Locator(".notification-link")).ToHaveTextAsync("Notifications, 1 unread");
        await alice.GetByRole(AriaRole.Link, new() { Name = "Notifications" }).ClickAsync();
        var notification = alice.Locator(".notification").First;
        await Assertions.Expect(notification).ToContainTextAsync("Bruno Costa started a thread Do webhooks retry?");
        await notification.GetByRole(AriaRole.Link, new() { Name = "Do webhooks retry?" }).ClickAsync();

        await Assertions.Expect(alice.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Do webhooks retry?");
        await Assertions.Expect(alice.Locator(".post--opening")).ToContainTextAsync("If my endpoint is down");
        // Reading the thread read the notification.
        await Assertions.Expect(alice.Locator(".notification-link")).ToHaveTextAsync("Notifications");
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task The_conversation_pages_pass_axe_and_fit_the_screen(int width)
    {
        await CreateSpaceAsync("questions", "Questions");
        var alice = await NewPersonAsync(width);
        await RegisterAsync(alice, "Alice Chen");
        await StartThreadInBrowserAsync(alice, "Questions", "Exporting invoices as CSV files every month", "How do I export **invoices**?");
        var threadUrl = new Uri(alice.Url).AbsolutePath;
        var bruno = await NewPersonAsync(width);
        await RegisterAsync(bruno, "Bruno Costa");
        await bruno.GotoAsync(threadUrl);
        await ReplyInBrowserAsync(bruno, "Use the export menu under Reports.");
        await ReplyInBrowserAsync(bruno, "Something I regret.");
        await bruno.Locator(".post-list .post").Last.Locator("summary").ClickAsync();
        await PageQualityTests.AssertAccessibleAsync(bruno, "The thread with a delete offer open");
        await bruno.GetByRole(AriaRole.Button, new() { Name = "Delete reply" }).ClickAsync();
        await Assertions.Expect(bruno.Locator(".post__removed")).ToBeVisibleAsync();

        await alice.GotoAsync("/s/questions");
        await PageQualityTests.AssertAccessibleAsync(alice, "A space with unread replies, signed in");
        await alice.GotoAsync("/notifications");
        await PageQualityTests.AssertAccessibleAsync(alice, "The notifications page");
        await alice.GotoAsync(threadUrl);
        await PageQualityTests.AssertAccessibleAsync(alice, "A thread with a removed reply, unread marker and watch controls");
        await alice.GotoAsync("/notifications/settings");
        await PageQualityTests.AssertAccessibleAsync(alice, "The notification settings");
        await alice.GotoAsync("/search?q=export");
        await PageQualityTests.AssertAccessibleAsync(alice, "Search results");
        var visitor = await NewPersonAsync(width);
        await visitor.GotoAsync("/account/forgot-password");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Send me a reset link" }).ClickAsync();
        await PageQualityTests.AssertAccessibleAsync(visitor, "The forgot-password form with an error");
        await visitor.GotoAsync("/account/reset-password?email=a%40example.com&code=abc");
        await PageQualityTests.AssertAccessibleAsync(visitor, "The reset-password form");
    }
}
