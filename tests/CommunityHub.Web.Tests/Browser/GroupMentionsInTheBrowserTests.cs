using CommunityHub.Domain.Members;
using Microsoft.Playwright;

namespace CommunityHub.Web.Tests.Browser;

/// <summary>An admin gives a group its @mention handle with the keyboard-usable form; the form, with and without an
/// error, passes axe and fits a phone's screen.</summary>
public sealed class GroupMentionsInTheBrowserTests(WebFixture fixture, BrowserSession session) : BrowserTest(fixture, session)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task An_admin_sets_who_may_mention_a_group(int width)
    {
        await CreateSpaceAsync("questions", "Questions");
        using (await NewMemberAsync("Ada Admin", Roles.Admin))
        {
        }

        var ada = await NewPersonAsync(width);
        await SignInAsync(ada, "Ada Admin");
        await ada.GotoAsync("/admin/groups");
        await ada.GetByLabel("Name").FillAsync("Beta programme");
        await ada.GetByRole(AriaRole.Button, new() { Name = "Create group" }).ClickAsync();
        await ada.GetByRole(AriaRole.Link, new() { Name = "Change mentioning" }).ClickAsync();
        await Assertions.Expect(ada.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mentioning Beta programme");
        await PageQualityTests.AssertAccessibleAsync(ada, "A group's mentioning");

        await ada.GetByLabel("Handle").FillAsync("ada-admin");
        await ada.GetByLabel("The staff side").CheckAsync();
        await ada.GetByRole(AriaRole.Button, new() { Name = "Save mentioning" }).ClickAsync();
        await Assertions.Expect(ada.Locator("#Input_MentionHandle-error")).ToContainTextAsync("@ada-admin is taken by a member");
        await PageQualityTests.AssertAccessibleAsync(ada, "A group's mentioning with an error");

        await ada.GetByLabel("Handle").FillAsync("beta");
        await ada.GetByRole(AriaRole.Button, new() { Name = "Save mentioning" }).ClickAsync();
        await Assertions.Expect(ada.Locator("#mentions-heading + p")).ToContainTextAsync("@beta tells its members, when used by the staff side");
    }
}
