using Microsoft.Playwright;

namespace CommunityHub.Web.Tests.Browser;

/// <summary>Base for browser tests: the app on a real loopback port, one browser context per person, closed when
/// the test ends.</summary>
public abstract class BrowserTest(WebFixture fixture, BrowserSession session) : WebTest(fixture), IClassFixture<BrowserSession>
{
    /// <summary>How long a step or an expectation waits, in milliseconds. Generous: on CI's two cores the browser
    /// tests share the machine with three other test projects (PostgreSQL servers, app processes stopped on purpose),
    /// and one loaded page once took longer than 15 s there. A wait is not a measurement: speed is the benchmark's.</summary>
    public const float Timeout = 30_000;

    private readonly List<IBrowserContext> _contexts = [];

    protected BrowserSession Session { get; } = session;

    public override async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        await base.DisposeAsync();
    }

    /// <param name="bypassCsp">True (the default) lets the tests inject axe-core past the Content-Security-Policy;
    /// ContentSecurityPolicyInTheBrowserTests browse without it.</param>
    /// <param name="app">Another app on the same database (<see cref="WebFixture.BrowserAppWith"/>); by default the tests' own.</param>
    protected async Task<IPage> NewPersonAsync(int width = 1280, bool javaScript = true, bool bypassCsp = true, Uri? app = null)
    {
        var address = app ?? Fixture.BrowserApp().Address;
        var context = await Session.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = address.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            JavaScriptEnabled = javaScript,
            BypassCSP = bypassCsp,
        });
        _contexts.Add(context);
        context.SetDefaultTimeout(Timeout);
        return await context.NewPageAsync();
    }

    protected static async Task RegisterAsync(IPage page, string displayName)
    {
        await page.GotoAsync("/account/register");
        await page.GetByLabel("Display name").FillAsync(displayName);
        await page.GetByLabel("E-mail address").FillAsync(EmailOf(displayName));
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.Locator(".account-nav")).ToContainTextAsync($"Signed in as {displayName}");
    }

    protected static async Task SignInAsync(IPage page, string displayName)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("E-mail address").FillAsync(EmailOf(displayName));
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator(".account-nav")).ToContainTextAsync($"Signed in as {displayName}");
    }

    protected static async Task StartThreadInBrowserAsync(IPage page, string spaceName, string title, string body)
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = spaceName, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Start a thread" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("What would you like to say?").FillAsync(body);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start thread" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
    }

    protected static async Task ReplyInBrowserAsync(IPage page, string body)
    {
        await page.GetByLabel("Reply", new() { Exact = true }).FillAsync(body);
        await page.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();
        await Assertions.Expect(page.Locator(".post-list .post").Last).ToContainTextAsync(body);
    }
}
