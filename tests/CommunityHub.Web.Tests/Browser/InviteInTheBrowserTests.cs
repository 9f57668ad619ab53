using CommunityHub.Domain.Members;
using CommunityHub.Domain.Registration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CommunityHub.Web.Tests.Browser;

/// <summary>An admin makes an invite link on its page; someone opens it in a browser and registers through it; the
/// link, used up, then says so. Each page passes axe on the way.</summary>
public sealed class InviteInTheBrowserTests(WebFixture fixture, BrowserSession session) : BrowserTest(fixture, session)
{
    [Fact]
    public async Task Someone_registers_through_an_invite_link_an_admin_made_and_the_used_up_link_says_so()
    {
        await CreateSpaceAsync("questions", "Questions");
        await RegisterAsync(await NewPersonAsync(), "Ada Admin");
        await Fixture.GrantAsync("Ada Admin", [Roles.Admin]);
        var admin = await NewPersonAsync();
        await SignInAsync(admin, "Ada Admin");
        await admin.GotoAsync("/admin/invites");
        await admin.GetByLabel("Who it is for").FillAsync("Partners at Acme");
        await admin.GetByLabel("Number of accounts it may make").FillAsync("1");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Make invite link" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Partners at Acme (new)" })).ToBeVisibleAsync();
        await PageQualityTests.AssertAccessibleAsync(admin, "The invite links page");
        var link = await admin.GetByLabel("Link to send").InputValueAsync();

        var guest = await NewPersonAsync(375);
        // Humans take a moment to fill a form in; the test app's minimum is 0 s, so this is only the realistic path.
        await guest.GotoAsync(new Uri(link).PathAndQuery);
        await Assertions.Expect(guest.GetByText("You are joining through an invite link.")).ToBeVisibleAsync();
        await PageQualityTests.AssertAccessibleAsync(guest, "The registration form through an invite link");
        await guest.GetByLabel("Display name").FillAsync("Gina Guest");
        await guest.GetByLabel("E-mail address").FillAsync(EmailOf("Gina Guest"));
        await guest.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await guest.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(guest.Locator(".account-nav")).ToContainTextAsync("Signed in as Gina Guest");

        var late = await NewPersonAsync();
        await late.GotoAsync(new Uri(link).PathAndQuery);
        await Assertions.Expect(late.GetByText("This invite link has been used as many times as it allows.", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(late.GetByRole(AriaRole.Button, new() { Name = "Create account" })).ToHaveCountAsync(0);
        await PageQualityTests.AssertAccessibleAsync(late, "A used-up invite link");
        Assert.Equal(1, await DbAsync(db => db.Invites.Select(i => i.Uses).SingleAsync()));
        Assert.Equal(InviteState.UsedUp, await DbAsync(async db => (await db.Invites.SingleAsync()).StateAt(DateTimeOffset.UtcNow)));
    }
}
