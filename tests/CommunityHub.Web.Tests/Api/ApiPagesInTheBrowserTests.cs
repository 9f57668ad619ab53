using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CommunityHub.Domain.Members;
using CommunityHub.Web.Tests.Browser;
using CommunityHub.Web.Tests.Pages;
using Microsoft.Playwright;

namespace CommunityHub.Web.Tests.Api;

/// <summary>The token pages in a real browser and through the Nu checker: made with the keyboard, shown once, zero axe
/// findings at 375 and 1280 px; and end to end, a token made in the browser starts a thread over real HTTP that the
/// browser then reads.</summary>
public sealed class ApiPagesInTheBrowserTests(WebFixture fixture, BrowserSession session) : BrowserTest(fixture, session)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task A_token_made_in_the_browser_starts_a_thread_over_http_that_the_browser_reads(int width)
    {
        await CreateSpaceAsync("questions", "Questions");
        var alice = await NewPersonAsync(width);
        await RegisterAsync(alice, "Alice Chen");
        await alice.GotoAsync("/account/tokens");
        await PageQualityTests.AssertAccessibleAsync(alice, "Your API tokens, none yet");

        // Errors first: no name, no scope.
        await alice.GetByRole(AriaRole.Button, new() { Name = "Make token" }).ClickAsync();
        await Assertions.Expect(alice.Locator("#Input_Name-error")).ToContainTextAsync("Give the token a name");
        await PageQualityTests.AssertAccessibleAsync(alice, "Your API tokens, with errors");

        // With the keyboard only.
        await alice.GetByLabel("What it is for").FocusAsync();
        await alice.Keyboard.TypeAsync("Release script");
        await alice.Keyboard.PressAsync("Tab");
        await alice.Keyboard.PressAsync("Space");
        await alice.Keyboard.PressAsync("Tab");
        await alice.Keyboard.PressAsync("Space");
        await alice.GetByRole(AriaRole.Button, new() { Name = "Make token" }).FocusAsync();
        await alice.Keyboard.PressAsync("Enter");
        var secret = await alice.GetByLabel("Copy it now: it is shown only this once").InputValueAsync();
        Assert.StartsWith("chub_", secret, StringComparison.Ordinal);
        await PageQualityTests.AssertAccessibleAsync(alice, "Your API tokens, a new one shown once");
        await alice.ReloadAsync();
        await Assertions.Expect(alice.Locator("#new-token")).ToHaveCountAsync(0);

        using var http = new HttpClient { BaseAddress = Fixture.BrowserApp().Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var started = await http.PostAsync("/api/v1/spaces/questions/threads",
            new StringContent(JsonSerializer.Serialize(new { title = $"Started by a script at {width}", body = "Hello from curl." }), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        using (var read = await http.GetAsync(started.Headers.Location))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.Contains($"Started by a script at {width}", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await alice.GotoAsync("/s/questions");
        await alice.GetByRole(AriaRole.Link, new() { Name = $"Started by a script at {width}" }).ClickAsync();
        await Assertions.Expect(alice.Locator("main")).ToContainTextAsync("Hello from curl.");

        await alice.GotoAsync("/account/tokens");
        await Assertions.Expect(alice.Locator("main")).ToContainTextAsync("Last used");
        await alice.GetByRole(AriaRole.Button, new() { Name = "Revoke Release script" }).ClickAsync();
        await Assertions.Expect(alice.Locator("main")).ToContainTextAsync("Revoked");
        await PageQualityTests.AssertAccessibleAsync(alice, "Your API tokens, one revoked");
        using var refused = await http.GetAsync("/api/v1/spaces");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        await alice.GotoAsync("/api");
        await PageQualityTests.AssertAccessibleAsync(alice, "The API reference");
    }

    [Fact]
    public async Task The_service_tokens_page_passes_axe()
    {
        using (await NewMemberAsync("Ada Admin", Roles.Admin))
        {
        }

        var ada = await NewPersonAsync(375);
        await SignInAsync(ada, "Ada Admin");
        await ada.GotoAsync("/admin/tokens");
        await PageQualityTests.AssertAccessibleAsync(ada, "Service tokens, none yet");
        await ada.GetByLabel("The bot's name").FillAsync("Release Bot");
        await ada.GetByLabel("What the token is for").FillAsync("Release notes");
        await ada.GetByLabel("write").CheckAsync();
        await ada.GetByRole(AriaRole.Button, new() { Name = "Make bot and token" }).ClickAsync();
        await Assertions.Expect(ada.Locator("#new-token")).ToHaveCountAsync(1);
        await PageQualityTests.AssertAccessibleAsync(ada, "Service tokens, a new one");
    }

    [Fact]
    public async Task The_token_pages_are_valid_html()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var ada = await NewMemberAsync("Ada", Roles.Admin);
        var pages = new Dictionary<string, string>
        {
            ["account-tokens-none"] = await HtmlConformanceTests.HtmlAsync(alice, "/account/tokens"),
            ["account-tokens-refused"] = await HtmlConformanceTests.FormHtmlAsync(SubmitFormAsync(alice, "/account/tokens", new Dictionary<string, string> { ["Input.Name"] = "" })),
        };
        using (var made = await SubmitFormAsync(alice, "/account/tokens", new Dictionary<string, string> { ["Input.Name"] = "Script" }, extra: new Dictionary<string, string> { ["Input.Scopes"] = "read" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        }

        pages["account-tokens-new"] = await HtmlConformanceTests.HtmlAsync(alice, "/account/tokens");
        pages["account-tokens-list"] = await HtmlConformanceTests.HtmlAsync(alice, "/account/tokens");
        pages["admin-tokens-none"] = await HtmlConformanceTests.HtmlAsync(ada, "/admin/tokens");
        using (var made = await SubmitFormAsync(ada, "/admin/tokens", new Dictionary<string, string> { ["Input.Name"] = "Notes", ["Input.BotName"] = "Notes Bot" }, extra: new Dictionary<string, string> { ["Input.Scopes"] = "write" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        }

        pages["admin-tokens-new"] = await HtmlConformanceTests.HtmlAsync(ada, "/admin/tokens");
        pages["api-reference"] = await HtmlConformanceTests.HtmlAsync(NewVisitor(), "/api");

        var findings = await HtmlConformanceTests.CheckAsync(pages);
        Assert.True(findings.Count == 0, "The Nu HTML checker found:\n" + string.Join("\n", findings));
    }
}
