using CommunityHub.Web.Tests.Account;
using CommunityHub.Web.Tests.Browser;
using Microsoft.Playwright;

namespace CommunityHub.Web.Tests.Sso;

/// <summary>Single sign-on as a person meets it, in chromium: the community on one loopback port, Example Corp (a real
/// OpenID Connect provider) on another, with the Content-Security-Policy enforced.</summary>
public sealed class SsoInTheBrowserTests(WebFixture fixture, BrowserSession session, SsoApps sso) : WebTest(fixture), IClassFixture<BrowserSession>, IClassFixture<SsoApps>
{
    private async Task<IPage> NewPersonAsync(int width = 1280, bool bypassCsp = false)
    {
        var app = await sso.AppAsync(Fixture, "sso-browser", kestrel: true);
        var context = await session.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = SsoApps.Address(app, kestrel: true).ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            BypassCSP = bypassCsp,
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    private static async Task SignInAtExampleCorpAsync(IPage page, ProviderUser user)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue with Example Corp" }).ClickAsync();
        await page.GetByLabel("Username").FillAsync(user.UserName);
        await page.GetByLabel("Password").FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in to Example Corp" }).ClickAsync();
    }

    [Fact]
    public async Task A_customer_continues_with_Example_Corp_comes_back_signed_in_and_posts()
    {
        await CreateSpaceAsync("questions", "Questions");
        var page = await NewPersonAsync();
        var erin = sso.Provider.AddUser("erin", "erin@examplecorp.test", name: "Erin Walsh");

        await page.GotoAsync("/account/sign-in");
        await SignInAtExampleCorpAsync(page, erin);

        await Assertions.Expect(page.Locator(".account-nav")).ToContainTextAsync("Signed in as Erin Walsh");
        await page.GetByRole(AriaRole.Link, new() { Name = "Go on" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Questions", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Start a thread" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Does the CSV export keep our column order?");
        await page.GetByLabel("What would you like to say?").FillAsync("Signed in with our company account. Asking for the finance team.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start thread" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Does the CSV export keep our column order?");
        await Assertions.Expect(page.Locator("main article").First).ToContainTextAsync("Erin Walsh");

        // Signed out and back: the provider remembers her, the community finds her by subject.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue with Example Corp" }).ClickAsync();
        await Assertions.Expect(page.Locator(".account-nav")).ToContainTextAsync("Signed in as Erin Walsh");
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task Every_account_page_passes_axe_and_fits_the_screen(int width)
    {
        var visitor = await NewPersonAsync(width, bypassCsp: true);
        await visitor.GotoAsync("/account/sign-in");
        await PageQualityTests.AssertAccessibleAsync(visitor, "Sign-in with providers");
        await visitor.GotoAsync("/account/register");
        await PageQualityTests.AssertAccessibleAsync(visitor, "Registration with providers");
        await visitor.GotoAsync("/account/external/failed?provider=example-corp&reason=state");
        await PageQualityTests.AssertAccessibleAsync(visitor, "A failed sign-in");
        await visitor.GotoAsync("/account/break-glass");
        await PageQualityTests.AssertAccessibleAsync(visitor, "Break-glass sign-in");

        var member = await NewPersonAsync(width, bypassCsp: true);
        var user = sso.Provider.AddUser($"frank{width}", $"frank{width}@examplecorp.test", emailVerified: false, name: "Frank Ocean");
        await member.GotoAsync("/account/sign-in");
        await SignInAtExampleCorpAsync(member, user);
        await Assertions.Expect(member.GetByRole(AriaRole.Heading, new() { Name = "One more step before you post" })).ToBeVisibleAsync();
        await PageQualityTests.AssertAccessibleAsync(member, "The newcomer's welcome");
        foreach (var (url, what) in new[]
        {
            ("/account", "The account page"), ("/account/email", "E-mail change"), ("/account/password", "Add a password"),
            ("/account/two-factor", "Two-factor setup"), ("/account/sessions", "Sessions"), ("/account/sign-ins", "Linked sign-ins"),
        })
        {
            await member.GotoAsync(url);
            await PageQualityTests.AssertAccessibleAsync(member, what);
        }

        await member.GotoAsync("/account");
        await member.GetByLabel("Time zone").FillAsync("Mars/Olympus_Mons");
        await member.GetByLabel("Handle").FillAsync("Not A Handle");
        await member.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Assertions.Expect(member.Locator("#Input_TimeZone-error")).ToBeVisibleAsync();
        await PageQualityTests.AssertAccessibleAsync(member, "The account page with errors");

        await member.GotoAsync("/account/two-factor");
        var key = await member.Locator(".authenticator-key").TextContentAsync();
        await member.GetByLabel("Code from the app").FillAsync(AccountTestKit.Totp(key!, DateTimeOffset.UtcNow));
        await member.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor authentication" }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Heading, new() { Name = "Your recovery codes" })).ToBeVisibleAsync();
        await PageQualityTests.AssertAccessibleAsync(member, "Recovery codes");
    }
}
