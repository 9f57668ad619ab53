using CommunityHub.Domain.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CommunityHub.Web.Tests.Browser;

/// <summary>An admin sets up a group and a private space with the keyboard-usable pages; every one passes axe and
/// fits a phone's screen.</summary>
public sealed class PrivateSpacesInTheBrowserTests(WebFixture fixture, BrowserSession session) : BrowserTest(fixture, session)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task An_admin_makes_a_group_and_restricts_a_space_to_it(int width)
    {
        await CreateSpaceAsync("questions", "Questions");
        await CreateSpaceAsync("beta", "Beta", 2);
        await NewMemberAsync("Bea Lund");
        var handle = await DbAsync(db => db.Members.Where(m => m.DisplayName == "Bea Lund").Select(m => m.Handle).SingleAsync());
        await NewMemberAsync("Ada Admin");
        await Fixture.GrantAsync("Ada Admin", [Roles.Admin]);
        var ada = await NewPersonAsync(width);
        await SignInAsync(ada, "Ada Admin");

        await ada.GotoAsync("/admin/groups");
        await PageQualityTests.AssertAccessibleAsync(ada, "The groups page, empty");
        await ada.GetByLabel("Name").FillAsync("Beta programme");
        await ada.GetByRole(AriaRole.Button, new() { Name = "Create group" }).ClickAsync();
        await Assertions.Expect(ada.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Beta programme");
        await ada.GetByLabel("Handle").FillAsync("@" + handle);
        await ada.GetByRole(AriaRole.Button, new() { Name = "Add to Beta programme" }).ClickAsync();
        await Assertions.Expect(ada.Locator("#members-heading + ul")).ToContainTextAsync("Bea Lund");
        await PageQualityTests.AssertAccessibleAsync(ada, "A group with a member");
        await ada.GetByRole(AriaRole.Link, new() { Name = "Change who joins by themselves" }).ClickAsync();
        await PageQualityTests.AssertAccessibleAsync(ada, "Who joins a group by themselves");
        await ada.GetByLabel("E-mail domains").FillAsync("partner.test");
        await ada.GetByRole(AriaRole.Button, new() { Name = "Save who joins" }).ClickAsync();
        await Assertions.Expect(ada.Locator("#joining-heading + ul")).ToContainTextAsync("Members with a confirmed address at partner.test");

        await ada.GotoAsync("/admin/spaces");
        await ada.GetByRole(AriaRole.Link, new() { Name = "Who can see it" }).Last.ClickAsync();
        await Assertions.Expect(ada.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Who can see Beta");
        await PageQualityTests.AssertAccessibleAsync(ada, "Who can see a space");
        await ada.GetByLabel("Beta programme").CheckAsync();
        await ada.GetByRole(AriaRole.Button, new() { Name = "Save who can see it" }).ClickAsync();
        await Assertions.Expect(ada.Locator(".private-badge")).ToHaveTextAsync("Private · Beta programme");
        await PageQualityTests.AssertAccessibleAsync(ada, "The spaces page with a private space");
        await ada.GotoAsync("/admin/groups");
        await PageQualityTests.AssertAccessibleAsync(ada, "The groups page");
    }
}
