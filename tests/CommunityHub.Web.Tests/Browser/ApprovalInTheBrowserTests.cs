using CommunityHub.Domain.Members;
using CommunityHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CommunityHub.Web.Tests.Browser;

/// <summary>The approval queue in a real browser, on an app with the shipped trust rules (a New member's first two
/// posts wait): the held reply is marked for its author and absent for others, the starter hears nothing until a
/// moderator approves it from the queue, and then the notification arrives.</summary>
public sealed class ApprovalInTheBrowserTests(WebFixture fixture, BrowserSession session) : BrowserTest(fixture, session)
{
    private Uri Shipped => Fixture.BrowserAppWith("shipped-trust", TrustSettings.Defaults).Address;

    /// <summary>Registered in the browser, then locked at Member so that what they write is published at once.</summary>
    private async Task<IPage> TrustedPersonAsync(string displayName)
    {
        var page = await NewPersonAsync(app: Shipped);
        await RegisterAsync(page, displayName);
        await DbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE members SET trust_locked_at = 'Member' WHERE display_name = {displayName}"));
        return page;
    }

    [Fact]
    public async Task A_new_members_first_reply_waits_for_a_moderator_and_only_then_the_starter_is_told()
    {
        await CreateSpaceAsync("questions", "Questions");
        var alice = await TrustedPersonAsync("Alice Chen");
        await StartThreadInBrowserAsync(alice, "Questions", "Do webhooks retry?", "If my endpoint is down, is the event lost?");
        var threadUrl = new Uri(alice.Url).AbsolutePath;

        var nina = await NewPersonAsync(app: Shipped);
        await RegisterAsync(nina, "Nina Novak");
        await nina.GotoAsync(threadUrl);
        await ReplyInBrowserAsync(nina, "They retry for a day, with growing pauses.");
        var held = nina.Locator(".post-list .post").Last;
        await Assertions.Expect(held.Locator(".post__notice--pending")).ToContainTextAsync("Awaiting approval");

        // Nobody else meets it, and its starter has heard nothing of it.
        var bruno = await TrustedPersonAsync("Bruno Costa");
        await bruno.GotoAsync(threadUrl);
        await Assertions.Expect(bruno.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Do webhooks retry?");
        await Assertions.Expect(bruno.Locator("main")).Not.ToContainTextAsync("growing pauses");
        await alice.GotoAsync(threadUrl);
        await Assertions.Expect(alice.Locator("main")).Not.ToContainTextAsync("growing pauses");
        await Assertions.Expect(alice.Locator(".notification-link")).ToHaveTextAsync("Notifications");

        using (await NewMemberAsync("Morgan Reyes", Roles.Moderator))
        {
        }

        var morgan = await NewPersonAsync(app: Shipped);
        await SignInAsync(morgan, "Morgan Reyes");
        await morgan.GotoAsync("/moderation/approval");
        var waiting = morgan.Locator(".flag").First;
        await Assertions.Expect(waiting).ToContainTextAsync("Reply by Nina Novak (New)");
        await Assertions.Expect(waiting).ToContainTextAsync("growing pauses");
        await PageQualityTests.AssertAccessibleAsync(morgan, "The approval queue with a held reply");
        await waiting.GetByRole(AriaRole.Button, new() { Name = "Approve Nina Novak's post" }).ClickAsync();
        await Assertions.Expect(morgan.Locator(".empty")).ToHaveTextAsync("Nothing waits for approval.");

        // Published now: the starter is told, and everyone reads it, unmarked.
        await alice.GotoAsync("/");
        await Assertions.Expect(alice.Locator(".notification-link")).ToHaveTextAsync("Notifications, 1 unread");
        await alice.GetByRole(AriaRole.Link, new() { Name = "Notifications" }).ClickAsync();
        var notification = alice.Locator(".notification").First;
        await Assertions.Expect(notification).ToContainTextAsync("Nina Novak replied to your thread");
        await notification.GetByRole(AriaRole.Link, new() { Name = "Do webhooks retry?" }).ClickAsync();
        await Assertions.Expect(alice.Locator(".post-list .post").Last).ToContainTextAsync("growing pauses");
        await bruno.GotoAsync(threadUrl);
        await Assertions.Expect(bruno.Locator(".post-list .post").Last).ToContainTextAsync("growing pauses");
        await nina.GotoAsync(threadUrl);
        await Assertions.Expect(nina.Locator(".post__notice--pending")).ToHaveCountAsync(0);
    }
}
