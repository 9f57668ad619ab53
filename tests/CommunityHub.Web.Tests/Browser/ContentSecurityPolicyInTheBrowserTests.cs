using CommunityHub.Domain.Members;
using Microsoft.Playwright;

namespace CommunityHub.Web.Tests.Browser;

/// <summary>The pages as a browser that enforces the Content-Security-Policy sees them (no BypassCSP, unlike the
/// axe checks): not one inline script, event handler attribute, style attribute or style element is refused.</summary>
public sealed class ContentSecurityPolicyInTheBrowserTests(WebFixture fixture, BrowserSession session) : BrowserTest(fixture, session)
{
    [Fact]
    public async Task The_main_pages_need_nothing_the_policy_refuses()
    {
        await CreateSpaceAsync("questions", "Questions");
        var alice = await EnforcingAsync();
        await RegisterAsync(alice.Page, "Alice Chen");
        await StartThreadInBrowserAsync(alice.Page, "Questions", "How do I export a report?", "Some **Markdown**, a [link](https://example.com) and `code`.\n\n- one\n- two");
        await ReplyInBrowserAsync(alice.Page, "A reply to my own question.");
        var threadUrl = new Uri(alice.Page.Url).AbsolutePath;
        var bruno = await EnforcingAsync();
        await RegisterAsync(bruno.Page, "Bruno Costa");
        await bruno.Page.GotoAsync(threadUrl);
        await ReplyInBrowserAsync(bruno.Page, "Thanks @alice-chen, this helped.");
        await bruno.Page.GetByRole(AriaRole.Button, new() { Name = "This helped me" }).First.ClickAsync();

        using (await NewMemberAsync("Sam Patel"))
        {
        }

        await Fixture.GrantAsync("Sam Patel", [Roles.Staff, Roles.Moderator, Roles.Admin], "Product Manager");
        var sam = await EnforcingAsync();
        await SignInAsync(sam.Page, "Sam Patel");

        foreach (var (person, url) in new[]
                 {
                     (alice, "/"), (alice, "/s/questions"), (alice, threadUrl), (alice, "/s/questions/new"), (alice, "/search?q=export"),
                     (alice, "/members/alice-chen"), (alice, "/members/alice-chen/ties/bruno-costa"), (alice, "/notifications"),
                     (alice, "/notifications/settings"), (alice, "/account/standing"), (alice, "/values"), (alice, "/no/such/page"),
                     (sam, "/staff/dashboard"), (sam, "/moderation"), (sam, "/moderation/log"), (sam, "/moderation/members"),
                     (sam, "/admin/spaces"), (sam, "/admin/spaces/new"), (sam, "/admin/values"),
                 })
        {
            await person.Page.GotoAsync(url);
            await person.Page.WaitForLoadStateAsync(LoadState.Load);
        }

        // Forms sent back with errors, and the visitor's forms.
        await alice.Page.GotoAsync("/s/questions/new");
        await alice.Page.GetByRole(AriaRole.Button, new() { Name = "Start thread" }).ClickAsync();
        await Assertions.Expect(alice.Page.Locator("#Input_Title-error")).ToBeVisibleAsync();
        var visitor = await EnforcingAsync();
        foreach (var url in new[] { "/account/sign-in", "/account/register", "/account/forgot-password", "/feed.atom" })
        {
            await visitor.Page.GotoAsync(url);
        }

        var refused = alice.Refused.Concat(bruno.Refused).Concat(sam.Refused).Concat(visitor.Refused).ToList();
        Assert.True(refused.Count == 0, "The Content-Security-Policy refused:\n" + string.Join("\n", refused));
        // And the site's own script still runs under the policy (it focuses the first error of a form sent back).
        Assert.Equal("Input_Title", await alice.Page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''"));
    }

    private sealed record Enforcing(IPage Page, List<string> Refused);

    /// <summary>A person whose browser enforces the policy, with every violation it reports: the console's
    /// "Refused to ..." lines and the securitypolicyviolation events (recorded by an init script, which the
    /// policy does not govern).</summary>
    private async Task<Enforcing> EnforcingAsync()
    {
        var page = await NewPersonAsync(bypassCsp: false);
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Refused to", StringComparison.Ordinal) || message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (refused)
                {
                    refused.Add($"{page.Url}: {message.Text}");
                }
            }
        };
        await page.Context.ExposeFunctionAsync("__cspViolation", (string what) =>
        {
            lock (refused)
            {
                refused.Add($"{page.Url}: securitypolicyviolation {what}");
            }
        });
        await page.Context.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => window.__cspViolation(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));");
        return new Enforcing(page, refused);
    }
}
