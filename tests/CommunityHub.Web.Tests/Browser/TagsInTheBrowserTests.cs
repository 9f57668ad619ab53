using CommunityHub.Domain.Members;
using Microsoft.Playwright;

namespace CommunityHub.Web.Tests.Browser;

/// <summary>Tags in a browser: an admin defines a tag group required in a space and its tags; a member starts a thread
/// there, is asked for a product, tags it, and finds it through the tag page and a filter. Every page passes axe.</summary>
public sealed class TagsInTheBrowserTests(WebFixture fixture, BrowserSession session) : BrowserTest(fixture, session)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task A_member_tags_a_new_thread_and_finds_it_through_the_tag_page_and_a_filter(int width)
    {
        await CreateSpaceAsync("questions", "Questions");
        await NewMemberAsync("Ada Admin");
        await Fixture.GrantAsync("Ada Admin", [Roles.Admin]);
        var ada = await NewPersonAsync(width);
        await SignInAsync(ada, "Ada Admin");

        await ada.GotoAsync("/admin/tags");
        await PageQualityTests.AssertAccessibleAsync(ada, "The tags page, empty");
        await ada.GetByRole(AriaRole.Link, new() { Name = "New tag group" }).ClickAsync();
        await ada.GetByLabel("Name").FillAsync("Product");
        await ada.GetByLabel("Questions").CheckAsync();
        await PageQualityTests.AssertAccessibleAsync(ada, "A new tag group");
        await ada.GetByRole(AriaRole.Button, new() { Name = "Create group" }).ClickAsync();
        await ada.GetByLabel("Name").FillAsync("Ledger");
        await ada.GetByLabel("Group").SelectOptionAsync(new SelectOptionValue { Label = "Product" });
        await ada.GetByRole(AriaRole.Button, new() { Name = "Define tag" }).ClickAsync();
        await Assertions.Expect(ada.Locator(".notice")).ToContainTextAsync("ledger");
        await ada.GetByLabel("Name").FillAsync("exports");
        await ada.GetByRole(AriaRole.Button, new() { Name = "Define tag" }).ClickAsync();
        await Assertions.Expect(ada.Locator(".tag-group")).ToHaveCountAsync(2);
        await PageQualityTests.AssertAccessibleAsync(ada, "The tags page");

        var alice = await NewPersonAsync(width);
        await RegisterAsync(alice, "Alice Chen");
        await alice.GotoAsync("/s/questions/new");
        await alice.GetByLabel("Title").FillAsync("Ledger totals are off by a cent");
        await alice.GetByLabel("What would you like to say?").FillAsync("Rounding, I think.");
        await alice.GetByLabel("exports").CheckAsync();
        await alice.GetByRole(AriaRole.Button, new() { Name = "Start thread" }).ClickAsync();
        await Assertions.Expect(alice.Locator(".form-errors")).ToContainTextAsync("This space asks for a tag from \u201cProduct\u201d");
        await PageQualityTests.AssertAccessibleAsync(alice, "The new-thread form asking for a product");
        await alice.GetByLabel("ledger").CheckAsync();
        await alice.GetByRole(AriaRole.Button, new() { Name = "Start thread" }).ClickAsync();
        await Assertions.Expect(alice.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ledger totals are off by a cent");
        await Assertions.Expect(alice.Locator(".thread-tags .topic-tag")).ToHaveTextAsync(["exports", "ledger"]);
        await alice.GetByRole(AriaRole.Link, new() { Name = "Change tags" }).ClickAsync();
        await PageQualityTests.AssertAccessibleAsync(alice, "A thread's tags");
        await alice.GetByRole(AriaRole.Button, new() { Name = "Save tags" }).ClickAsync();

        await alice.GetByRole(AriaRole.Link, new() { Name = "ledger", Exact = true }).ClickAsync();
        await Assertions.Expect(alice.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tagged ledger");
        await alice.GetByRole(AriaRole.Button, new() { Name = "Watch this tag" }).ClickAsync();
        await Assertions.Expect(alice.GetByRole(AriaRole.Button, new() { Name = "Stop watching this tag" })).ToBeVisibleAsync();
        await alice.GetByRole(AriaRole.Link, new() { Name = "Unanswered" }).ClickAsync();
        await Assertions.Expect(alice.Locator(".thread-row__title a")).ToHaveTextAsync(["Ledger totals are off by a cent"]);
        await alice.GetByRole(AriaRole.Link, new() { Name = "Solved", Exact = true }).ClickAsync();
        await Assertions.Expect(alice.Locator(".empty")).ToHaveTextAsync("No threads match this choice.");
        await PageQualityTests.AssertAccessibleAsync(alice, "A tag page, filtered");
        await alice.GotoAsync("/latest");
        await alice.GetByRole(AriaRole.Link, new() { Name = "Top" }).ClickAsync();
        await Assertions.Expect(alice.GetByRole(AriaRole.Link, new() { Name = "This week" })).ToBeVisibleAsync();
        await Assertions.Expect(alice.Locator(".thread-row__title a")).ToHaveTextAsync(["Ledger totals are off by a cent"]);
        await PageQualityTests.AssertAccessibleAsync(alice, "Latest, top");
    }
}
