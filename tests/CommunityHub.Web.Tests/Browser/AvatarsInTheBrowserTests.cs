using CommunityHub.Domain.Members;
using CommunityHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CommunityHub.Web.Tests.Browser;

/// <summary>A picture in a real browser: chosen in the account page's plain file input, then beside the member's post;
/// and taken down by a moderator from the member's moderation page.</summary>
public sealed class AvatarsInTheBrowserTests(WebFixture fixture, BrowserSession session) : BrowserTest(fixture, session)
{
    [Fact]
    public async Task A_member_uploads_a_picture_on_the_account_page_and_sees_it_on_their_post()
    {
        await CreateSpaceAsync("questions", "Questions");
        var alice = await NewPersonAsync();
        await RegisterAsync(alice, "Alice Chen");

        await alice.GotoAsync("/account");
        await alice.GetByRole(AriaRole.Link, new() { Name = "Your picture" }).ClickAsync();
        await alice.GetByLabel("Choose a picture").SetInputFilesAsync(new FilePayload { Name = "me.png", MimeType = "image/png", Buffer = TestImages.Png(300, 200) });
        await alice.GetByRole(AriaRole.Button, new() { Name = "Upload picture" }).ClickAsync();
        await Assertions.Expect(alice.Locator(".avatar-preview img")).ToBeVisibleAsync();
        await Assertions.Expect(alice.GetByRole(AriaRole.Button, new() { Name = "Remove picture" })).ToBeVisibleAsync();

        await StartThreadInBrowserAsync(alice, "Questions", "Export fails", "It stops at 80 %.");
        var picture = alice.Locator(".post--opening .post__header img.avatar");
        await Assertions.Expect(picture).ToBeVisibleAsync();
        // Decoded, not a broken image: the browser fetched the WebP and knows its size.
        Assert.Equal(48, await picture.EvaluateAsync<int>("img => img.naturalWidth"));
    }

    [Fact]
    public async Task A_moderator_removes_a_members_picture_from_their_moderation_page_and_the_member_sees_their_initial()
    {
        var alice = await NewPersonAsync();
        await RegisterAsync(alice, "Alice Chen");
        await alice.GotoAsync("/account/avatar");
        await alice.GetByLabel("Choose a picture").SetInputFilesAsync(new FilePayload { Name = "me.png", MimeType = "image/png", Buffer = TestImages.Png(300, 200) });
        await alice.GetByRole(AriaRole.Button, new() { Name = "Upload picture" }).ClickAsync();
        await Assertions.Expect(alice.Locator(".avatar-preview img")).ToBeVisibleAsync();
        var aliceId = await DbAsync(db => db.Members.Where(m => m.DisplayName == "Alice Chen").Select(m => m.Id).SingleAsync());
        using (await NewMemberAsync("Morgan Lee"))
        {
        }

        await Fixture.GrantAsync("Morgan Lee", [Roles.Moderator]);
        var morgan = await NewPersonAsync(375);
        await SignInAsync(morgan, "Morgan Lee");

        await morgan.GotoAsync($"/moderation/members/{aliceId}");
        await Assertions.Expect(morgan.Locator("#picture-heading + form img.avatar")).ToBeVisibleAsync();
        await PageQualityTests.AssertAccessibleAsync(morgan, "A member's standing with their picture");
        await morgan.GetByLabel("Reason, shown to Alice Chen (optional)", new() { Exact = true }).FillAsync("Not a picture for a customer community");
        await morgan.GetByRole(AriaRole.Button, new() { Name = "Remove picture" }).ClickAsync();

        await Assertions.Expect(morgan.Locator(".history-list")).ToContainTextAsync("Removed a member's picture");
        await Assertions.Expect(morgan.GetByRole(AriaRole.Button, new() { Name = "Remove picture" })).ToHaveCountAsync(0);
        await alice.ReloadAsync();
        await Assertions.Expect(alice.Locator(".avatar-preview span.avatar")).ToHaveTextAsync("A");
    }
}
