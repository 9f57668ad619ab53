using Microsoft.Playwright;

namespace CommunityHub.Web.Tests.Browser;

/// <summary>Debian's chromium driven by Playwright, launched once per test run and shared by the browser tests,
/// each of which browses in contexts of its own (<see cref="BrowserTest"/>). Playwright's own browser downloads are
/// never used: CI installs the chromium package (see test.sh).</summary>
public sealed class BrowserSession : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly Lazy<Task<IBrowser>> Shared = new(LaunchAsync);

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync() => Browser = await Shared.Value;

    /// <summary>The browser outlives the class: it closes when the run ends (<see cref="Testing.TestRun"/>).</summary>
    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<IBrowser> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"The browser tests need Debian's chromium at {ChromiumPath}: apt-get install -y chromium (./test.sh does this).");
        }

        // Browser tests run beside others on two cores: an expectation waits as long as any other step may
        // (the contexts' default timeout) before it fails.
        Assertions.SetDefaultExpectTimeout(BrowserTest.Timeout);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
                // The browser is a third of the test run's CPU time. No GPU process (its work, software only here, done
                // in the browser's), and one renderer per page rather than per site: the tests' pages embed no other
                // site. Its CPU time over a whole run: 459 s before, 392 s after.
                "--in-process-gpu", "--disable-software-rasterizer", "--disable-site-isolation-trials",
                "--disable-features=site-per-process,IsolateOrigins,PaintHolding,BackForwardCache,Translate,MediaRouter,OptimizationHints",
            ],
        });
        Testing.TestRun.OnEnd(async () =>
        {
            await browser.CloseAsync();
            playwright.Dispose();
        });
        return browser;
    }
}
