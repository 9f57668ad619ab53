using CommunityHub.Domain.Members;
using CommunityHub.Web.Tests.Browser;
using Microsoft.Playwright;

namespace CommunityHub.Web.Tests.Escalation;

/// <summary>Escalation as people meet it in a browser, against a desk server on 127.0.0.1: an admin connects the desk,
/// staff escalate with the keyboard, the desk gets the thread, staff see the case number, the
/// asker finds the notification; the pages pass axe at both widths.</summary>
public sealed class EscalationInTheBrowserTests(WebFixture fixture, BrowserSession session) : BrowserTest(fixture, session)
{
    private async Task<IPage> PersonWithRolesAsync(string displayName, string role, int width)
    {
        await NewMemberAsync(displayName);
        await Fixture.GrantAsync(displayName, [role]);
        var page = await NewPersonAsync(width);
        await SignInAsync(page, displayName);
        return page;
    }

    [Theory]
    // With script: axe runs in the page and never settles where script is off. Escalating without script is a plain
    // form POST, which EscalationTests and SupportDeskPageTests send over HTTP.
    [InlineData(1280)]
    [InlineData(375)]
    public async Task Staff_escalate_a_thread_and_see_the_case_and_the_asker_is_told(int width)
    {
        await using var desk = await DeskServer.StartAsync();
        await CreateSpaceAsync("questions", "Questions");
        var alice = await NewPersonAsync(width);
        await RegisterAsync(alice, "Alice Chen");
        await StartThreadInBrowserAsync(alice, "Questions", "Invoices show the wrong VAT", "Since Monday every invoice has 19% instead of 20%.");
        var threadUrl = new Uri(alice.Url).AbsolutePath;

        var ada = await PersonWithRolesAsync("Ada Admin", Roles.Admin, width);
        await ada.GotoAsync("/admin/support-desk");
        await PageQualityTests.AssertAccessibleAsync(ada, "The empty support desk page");
        await ada.GetByLabel("The desk's address").FillAsync(desk.Address.ToString());
        await ada.GetByLabel("Generic JSON", new() { Exact = false }).CheckAsync();
        await ada.GetByLabel("Authorization header value").FillAsync("Bearer abc123456789");
        await ada.GetByRole(AriaRole.Button, new() { Name = "Save the connection" }).ClickAsync();
        await Assertions.Expect(ada.GetByRole(AriaRole.Status)).ToContainTextAsync("The support desk connection is saved.");
        await Assertions.Expect(ada.Locator("#desk-auth-hint")).ToContainTextAsync("A value ending in …6789 is stored");
        await PageQualityTests.AssertAccessibleAsync(ada, "The support desk page");

        var sam = await PersonWithRolesAsync("Sam Staff", Roles.Staff, width);
        await sam.GotoAsync(threadUrl);
        await PageQualityTests.AssertAccessibleAsync(sam, "A thread staff may escalate");
        var escalate = sam.GetByRole(AriaRole.Button, new() { Name = "Escalate to the support desk" });
        await escalate.FocusAsync();
        await sam.Keyboard.PressAsync("Enter");
        await Assertions.Expect(sam.Locator(".escalation__status")).ToContainTextAsync("Escalat");

        // The desk gets it in the background; the page shows the case once it is there.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((await sam.Locator(".escalation__status").TextContentAsync())?.Trim() != "Escalated — case #123")
        {
            Assert.True(waited.ElapsedMilliseconds < Timeout, "The case never showed on the thread.");
            await Task.Delay(200);
            await sam.ReloadAsync();
        }
        Assert.Contains("Invoices show the wrong VAT", Assert.Single(desk.Requests).Body, StringComparison.Ordinal);
        await Assertions.Expect(sam.GetByRole(AriaRole.Link, new() { Name = "case #123" })).ToHaveAttributeAsync("href", $"{desk.Address}cases/123");
        await PageQualityTests.AssertAccessibleAsync(sam, "A thread with its case");

        await alice.GotoAsync("/notifications");
        await Assertions.Expect(alice.Locator("main")).ToContainTextAsync("took your question to the company's support team");
        await alice.GotoAsync(threadUrl);
        await Assertions.Expect(alice.Locator(".escalation")).ToHaveCountAsync(0);
        await Assertions.Expect(alice.Locator("main")).Not.ToContainTextAsync("case #");
    }
}
