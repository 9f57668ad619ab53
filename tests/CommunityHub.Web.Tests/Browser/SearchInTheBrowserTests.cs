using System.Net;
using CommunityHub.Domain.Members;
using Microsoft.Playwright;

namespace CommunityHub.Web.Tests.Browser;

/// <summary>Search in a browser: a member searches, finds a thread once with its best-matching posts highlighted under
/// it, narrows the search to a tag with the keyboard alone, and follows a snippet to the post it came from.</summary>
public sealed class SearchInTheBrowserTests(WebFixture fixture, BrowserSession session) : BrowserTest(fixture, session)
{
    [Fact]
    public async Task A_member_finds_a_thread_once_narrows_by_tag_with_the_keyboard_and_follows_a_snippet_to_its_post()
    {
        await CreateSpaceAsync("questions", "Questions");
        var ada = await NewMemberAsync("Ada Admin", Roles.Admin);
        foreach (var tag in new[] { "payments", "exports" })
        {
            using var defined = await SubmitFormAsync(ada, "/admin/tags", new Dictionary<string, string> { ["Input.Name"] = tag });
            Assert.Equal(HttpStatusCode.Redirect, defined.StatusCode);
        }

        var alice = await NewMemberAsync("Alice Chen");
        var thread = await TaggedThreadAsync(alice, "Gateway timeouts on checkout", "The payment gateway times out at checkout.", "payments");
        await TaggedThreadAsync(alice, "Exporting through the gateway", "Can the gateway export a CSV?", "exports");
        var bruno = await NewMemberAsync("Bruno Costa");
        foreach (var words in new[] { "Raise the gateway timeout to 60 seconds.", "The gateway logs show a slow bank.", "Retrying the gateway call helped me." })
        {
            using var replied = await ReplyAsync(bruno, thread, words);
            Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);
        }

        var chloe = await NewPersonAsync();
        await RegisterAsync(chloe, "Chloe Martin");
        await chloe.GetByRole(AriaRole.Link, new() { Name = "Search", Exact = true }).First.ClickAsync();
        await chloe.GetByLabel("Search for").FillAsync("gateway");
        await chloe.GetByLabel("Search for").PressAsync("Enter");

        // Four of its posts match, yet the thread is one result, with its best three posts highlighted under it.
        var hits = chloe.Locator(".search-hit");
        await Assertions.Expect(hits).ToHaveCountAsync(2);
        var hit = hits.Filter(new() { Has = chloe.Locator(".search-hit__title", new() { HasText = "Gateway timeouts on checkout" }) });
        await Assertions.Expect(hit).ToHaveCountAsync(1);
        await Assertions.Expect(hit.Locator(".search-hit__post")).ToHaveCountAsync(3);
        await Assertions.Expect(hit.Locator(".search-hit__post:has(mark)")).ToHaveCountAsync(3);
        await Assertions.Expect(hit.Locator(".search-hit__post mark").First).ToHaveTextAsync("gateway", new() { IgnoreCase = true });
        await Assertions.Expect(hit.Locator(".meta").First).ToContainTextAsync("4 matching posts");

        // The keyboard alone: type to pick the tag in the closed list, step back to a text field, Enter sends the form.
        var tags = chloe.GetByLabel("With tag");
        await tags.FocusAsync();
        await chloe.Keyboard.PressAsync("p");
        await Assertions.Expect(tags).ToHaveValueAsync("payments");
        await chloe.Keyboard.PressAsync("Shift+Tab");
        await Assertions.Expect(chloe.GetByLabel("By author")).ToBeFocusedAsync();
        await chloe.Keyboard.PressAsync("Enter");
        await chloe.WaitForURLAsync(url => url.Contains("tag=payments", StringComparison.Ordinal));
        await Assertions.Expect(hits).ToHaveCountAsync(1);
        await Assertions.Expect(chloe.Locator(".search-hit__title")).ToHaveTextAsync("Gateway timeouts on checkout");
        await Assertions.Expect(chloe.GetByLabel("With tag")).ToHaveValueAsync("payments");

        // One of Bruno's replies under the thread: its snippet (the whole of a short post) leads to that very post.
        var reply = chloe.Locator(".search-hit__post").Filter(new() { Has = chloe.GetByRole(AriaRole.Link, new() { Name = "Reply by Bruno Costa" }) }).First;
        var snippet = (await reply.Locator(".search-hit__snippet").InnerTextAsync()).Trim();
        var link = reply.GetByRole(AriaRole.Link, new() { Name = "Reply by Bruno Costa" });
        var href = await link.GetAttributeAsync("href") ?? string.Empty;
        Assert.Contains('#', href);
        var anchor = href[href.IndexOf('#', StringComparison.Ordinal)..];
        await link.ClickAsync();
        await chloe.WaitForURLAsync(url => url.EndsWith(anchor, StringComparison.Ordinal));
        await Assertions.Expect(chloe.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Gateway timeouts on checkout");
        await Assertions.Expect(chloe.Locator(anchor)).ToContainTextAsync(snippet);
        await Assertions.Expect(chloe.Locator(anchor)).ToContainTextAsync("Bruno Costa");
        await Assertions.Expect(chloe.Locator(anchor)).ToBeInViewportAsync();
    }

    private static async Task<string> TaggedThreadAsync(HttpClient member, string title, string body, string tag)
    {
        using var started = await SubmitFormAsync(member, "/s/questions/new", new Dictionary<string, string> { ["Input.Title"] = title, ["Input.Body"] = body, ["Input.Tags"] = tag });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        return started.Headers.Location!.OriginalString;
    }
}
