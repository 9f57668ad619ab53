using CommunityHub.Domain.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CommunityHub.Web.Tests.Browser;

public sealed class IdeasInTheBrowserTests(WebFixture fixture, BrowserSession session) : BrowserTest(fixture, session)
{
    private async Task<IPage> PersonWithRolesAsync(string displayName, string[] roles, int width = 1280)
    {
        await NewMemberAsync(displayName);
        await Fixture.GrantAsync(displayName, roles);
        var page = await NewPersonAsync(width);
        await SignInAsync(page, displayName);
        return page;
    }

    private Task<int> IdeasSpaceAsync() =>
        DbAsync(async db =>
        {
            db.Spaces.Add(CommunityHub.Domain.Spaces.Space.Create("Ideas", "ideas", "What should we build next?", 2));
            await db.SaveChangesAsync();
            var space = await db.Spaces.SingleAsync(s => s.Slug == "ideas");
            space.HoldIdeas(true, Guid.Empty, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });

    [Fact]
    public async Task A_member_votes_staff_set_a_status_and_the_voter_is_told()
    {
        await CreateSpaceAsync("questions", "Questions");
        await IdeasSpaceAsync();
        var alice = await NewPersonAsync();
        await RegisterAsync(alice, "Alice Chen");
        await alice.GotoAsync("/s/ideas");
        await alice.GetByRole(AriaRole.Link, new() { Name = "Suggest an idea" }).ClickAsync();
        await alice.GetByLabel("Title").FillAsync("Dark mode for the dashboard");
        await alice.GetByLabel("What would you like to say?").FillAsync("Our night shift would love it.");
        await alice.GetByRole(AriaRole.Button, new() { Name = "Start thread" }).ClickAsync();
        await Assertions.Expect(alice.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Dark mode for the dashboard");
        var idea = new Uri(alice.Url).AbsolutePath;
        var bruno = await NewPersonAsync();
        await RegisterAsync(bruno, "Bruno Costa");

        await bruno.GotoAsync("/s/ideas");
        await bruno.GetByRole(AriaRole.Button, new() { Name = "Vote for Dark mode for the dashboard" }).ClickAsync();
        await Assertions.Expect(bruno.Locator(".idea-row")).ToContainTextAsync("2 votes");
        await PageQualityTests.AssertAccessibleAsync(bruno, "An Ideas space's list");

        var sam = await PersonWithRolesAsync("Sam Patel", [Roles.Staff]);
        await sam.GotoAsync(idea);
        await sam.GetByText("Set the status").ClickAsync();
        await sam.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Planned" });
        await sam.GetByLabel("Public note (shown as an official update, and sent to voters)").FillAsync("Next quarter, starting with the dashboard.");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Set status" }).ClickAsync();
        await Assertions.Expect(sam.Locator(".idea-panel__update")).ToContainTextAsync("Official update: Planned");
        await PageQualityTests.AssertAccessibleAsync(sam, "An idea with its official update, for staff");

        await bruno.GotoAsync("/notifications");
        await Assertions.Expect(bruno.Locator("main")).ToContainTextAsync("Sam Patel gave a new status to the idea");
        await bruno.GetByRole(AriaRole.Link, new() { Name = "Dark mode for the dashboard" }).First.ClickAsync();
        await Assertions.Expect(bruno.Locator(".idea-panel__note")).ToHaveTextAsync("Next quarter, starting with the dashboard.");
        await PageQualityTests.AssertAccessibleAsync(bruno, "An idea, for a voter");
        await bruno.GetByRole(AriaRole.Link, new() { Name = "See who voted" }).ClickAsync();
        await Assertions.Expect(bruno.Locator(".voter-list li")).ToHaveCountAsync(2);
        await PageQualityTests.AssertAccessibleAsync(bruno, "Who voted for an idea");
        await bruno.GotoAsync("/roadmap");
        await Assertions.Expect(bruno.Locator("#status-planned + ol")).ToContainTextAsync("Dark mode for the dashboard");
        await PageQualityTests.AssertAccessibleAsync(bruno, "The roadmap");

        var morgan = await PersonWithRolesAsync("Morgan Reyes", [Roles.Moderator], 375);
        await morgan.GotoAsync(idea);
        await PageQualityTests.AssertAccessibleAsync(morgan, "An idea, for a moderator, on a phone");
    }

    [Fact]
    public async Task Similar_threads_appear_while_the_title_is_typed()
    {
        await CreateSpaceAsync("questions", "Questions");
        var alice = await NewPersonAsync();
        await RegisterAsync(alice, "Alice Chen");
        await StartThreadInBrowserAsync(alice, "Questions", "How do I export a report as CSV?", "With the filters applied.");
        var bruno = await NewPersonAsync(375);
        await RegisterAsync(bruno, "Bruno Costa");

        await bruno.GotoAsync("/s/questions/new");
        await bruno.GetByLabel("Title").PressSequentiallyAsync("exporting reports to csv", new() { Delay = 20 });

        var suggestion = bruno.Locator("#similar-threads a");
        await Assertions.Expect(suggestion).ToHaveTextAsync("How do I export a report as CSV?");
        await PageQualityTests.AssertAccessibleAsync(bruno, "The new-thread form with similar threads, on a phone");
        await suggestion.ClickAsync();
        await Assertions.Expect(bruno.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("How do I export a report as CSV?");
        Assert.True(await DbAsync(db => db.AskingForms.AnyAsync(f => f.OpenedAt != null)));
    }
}
