using CommunityHub.Domain.Members;
using CommunityHub.Testing;
using CommunityHub.Web.Tests.Browser;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CommunityHub.Web.Tests.Webhooks;

/// <summary>An admin sets up a webhook in a phone-sized browser, by label and keyboard, with axe on every state of the
/// pages; then a member starts a thread in the browser and the receiver on 127.0.0.1 gets it, signed.</summary>
public sealed class WebhooksInTheBrowserTests(WebFixture fixture, BrowserSession session) : BrowserTest(fixture, session)
{
    [Fact]
    public async Task An_admin_adds_an_endpoint_and_a_thread_started_in_the_browser_reaches_it_signed()
    {
        using var receiver = WebhookReceiver.Start();
        await CreateSpaceAsync("questions", "Questions");
        using (await NewMemberAsync("Ada Admin", Roles.Admin)) { }
        var ada = await NewPersonAsync(375);
        await SignInAsync(ada, "Ada Admin");

        await ada.GotoAsync("/admin/webhooks");
        await Assertions.Expect(ada.GetByText("No webhook endpoints yet.")).ToBeVisibleAsync();
        await PageQualityTests.AssertAccessibleAsync(ada, "Webhooks, none yet");

        await ada.GetByLabel("Name").FillAsync("Support triage");
        await ada.GetByLabel("Receiver's address").FillAsync("ftp://files.example.com/hook");
        await ada.GetByRole(AriaRole.Button, new() { Name = "Add endpoint" }).ClickAsync();
        await Assertions.Expect(ada.Locator("#Input_Url-error")).ToContainTextAsync("Use a full http:// or https:// address");
        await PageQualityTests.AssertAccessibleAsync(ada, "A webhook with a bad address");

        await ada.GetByLabel("Receiver's address").FillAsync(receiver.Url.ToString());
        await Assertions.Expect(ada.GetByLabel("A thread is started")).ToBeCheckedAsync();
        await ada.GetByLabel("A reply is posted").CheckAsync();
        await ada.GetByLabel("Receiver's address").PressAsync("Enter"); // submitted from the keyboard
        await Assertions.Expect(ada.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Support triage");
        var secret = await ada.Locator("dd code").Filter(new() { HasTextString = "whsec_" }).TextContentAsync();
        await PageQualityTests.AssertAccessibleAsync(ada, "A webhook endpoint, nothing sent yet");

        await ada.GetByRole(AriaRole.Button, new() { Name = "Send a test ping" }).ClickAsync();
        await Assertions.Expect(ada.Locator("tbody tr")).ToContainTextAsync("ping");
        await PageQualityTests.AssertAccessibleAsync(ada, "A webhook's delivery log");

        await ada.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await Assertions.Expect(ada.GetByLabel("A reply is posted")).ToBeCheckedAsync();
        await PageQualityTests.AssertAccessibleAsync(ada, "Editing a webhook");
        await ada.GetByRole(AriaRole.Link, new() { Name = "Webhooks", Exact = true }).First.ClickAsync();
        await Assertions.Expect(ada.GetByRole(AriaRole.Link, new() { Name = "Support triage" })).ToBeVisibleAsync();
        await PageQualityTests.AssertAccessibleAsync(ada, "Webhooks, one endpoint");

        // The member's app is a second instance that delivers webhooks (any instance may); the admin's does not. It is
        // stopped with the test, so no delivering worker outlives it.
        await using var deliveringApp = new CommunityWebFactory(Fixture.ConnectionString, kestrel: true, new Dictionary<string, string?>
        {
            ["Webhooks:DispatchEnabled"] = "true",
            ["Webhooks:PollInterval"] = "00:00:00.100",
        }, Fixture.Mail);
        deliveringApp.StartServer();
        var delivering = new Uri(deliveringApp.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        var alice = await NewPersonAsync(375, app: delivering);
        await RegisterAsync(alice, "Alice Chen");
        await StartThreadInBrowserAsync(alice, "Questions", "Exporting to CSV", "Where is the export menu?");

        WebhookReceiver.Received got;
        do
        {
            got = await receiver.NextAsync(TimeSpan.FromSeconds(30));
        }
        while (got.Header("CommunityHub-Event") != "thread.started");

        Assert.True(got.SignatureVerifies(secret!, DateTimeOffset.UtcNow));
        Assert.Contains("\"title\":\"Exporting to CSV\"", got.Body, StringComparison.Ordinal);
        Assert.Contains(receiver.All, r => r.Header("CommunityHub-Event") == "ping" && r.SignatureVerifies(secret!, DateTimeOffset.UtcNow));
    }
}
