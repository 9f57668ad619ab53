using System.Net;
using CommunityHub.Testing;

namespace CommunityHub.Web.Tests.Conversation;

public sealed class SearchPageTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task The_search_page_shows_ranked_highlighted_results_filtered_and_safe()
    {
        await CreateSpaceAsync();
        await CreateSpaceAsync("ideas", "Ideas", 2);
        var alice = await NewMemberAsync("Alice");
        await StartThreadAsync(alice, title: "Invoice export", body: "How do I export invoices? <script>alert(1)</script>");
        await StartThreadAsync(alice, "ideas", title: "Export idea", body: "Export to PDF please");

        var all = await GetPageAsync(NewVisitor(), "/search?q=export");
        var inIdeas = await GetPageAsync(NewVisitor(), "/search?q=export&space=ideas");
        var none = await GetPageAsync(NewVisitor(), "/search?q=export&author=Nobody");

        Assert.Equal(2, all.QuerySelectorAll(".search-hit").Length);
        Assert.NotEmpty(all.QuerySelectorAll(".search-hit__snippet mark"));
        Assert.Empty(HtmlSafety.Dangers(all.QuerySelector(".search-results")!.InnerHtml));
        Assert.Equal(["Export idea"], inIdeas.QuerySelectorAll(".search-hit__title").Select(h => h.TextContent.Trim()));
        Assert.Equal("ideas", inIdeas.QuerySelector("#space option[selected]")!.GetAttribute("value"));
        Assert.Equal("No results", none.QuerySelector("#results-heading")!.TextContent);
        Assert.Null((await GetPageAsync(NewVisitor(), "/search")).QuerySelector("#results-heading"));
        // Filters are links too: a filtered search keeps its filters on the next page; an unknown value is ignored.
        var unsolved = await GetPageAsync(NewVisitor(), "/search?q=export&status=unsolved&from=2000-01-01&to=2999-12-31");
        Assert.Equal(2, unsolved.QuerySelectorAll(".search-hit").Length);
        Assert.Equal("unsolved", unsolved.QuerySelector("#status option[selected]")!.GetAttribute("value"));
        Assert.Equal(("2000-01-01", "2999-12-31"), (unsolved.QuerySelector("#from")!.GetAttribute("value"), unsolved.QuerySelector("#to")!.GetAttribute("value")));
        Assert.Empty((await GetPageAsync(NewVisitor(), "/search?q=export&status=solved")).QuerySelectorAll(".search-hit"));
        var ignored = await GetPageAsync(NewVisitor(), "/search?q=export&status=maybe&from=soon");
        Assert.Equal(2, ignored.QuerySelectorAll(".search-hit").Length);
        Assert.Null(ignored.QuerySelector("#status option[selected]"));
        using var tooFar = await NewVisitor().GetAsync("/search?q=export&page=9999");
        Assert.Equal(HttpStatusCode.BadRequest, tooFar.StatusCode);
    }

    [Fact]
    public async Task A_thread_is_one_result_with_its_best_posts_listed_under_it_and_an_unknown_tag_is_noted()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var thread = await StartThreadAsync(alice, title: "Gateway timeouts", body: "The gateway times out.");
        var bruno = await NewMemberAsync("Bruno");
        for (var i = 0; i < 4; i++)
        {
            using var replied = await ReplyAsync(bruno, thread, $"Gateway reply {i}.");
        }

        var page = await GetPageAsync(NewVisitor(), "/search?q=gateway");
        var hit = Assert.Single(page.QuerySelectorAll(".search-hit"));
        Assert.Equal("Gateway timeouts", hit.QuerySelector("h3")!.TextContent.Trim());
        Assert.Equal(3, hit.QuerySelectorAll(".search-hit__posts > li").Length);
        Assert.All(hit.QuerySelectorAll(".search-hit__posts > li"), li => Assert.NotNull(li.QuerySelector("mark")));
        Assert.All(hit.QuerySelectorAll(".search-hit__posts > li .meta a"), a => Assert.StartsWith(thread, a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Contains("5 matching posts", hit.TextContent, StringComparison.Ordinal);

        var unknown = await GetPageAsync(NewVisitor(), "/search?q=gateway&tag=no-such-tag");
        Assert.Contains("No tag named \u201cno-such-tag\u201d", unknown.QuerySelector("#unknown-tag")!.TextContent, StringComparison.Ordinal);
        Assert.Single(unknown.QuerySelectorAll(".search-hit"));
        var garbage = await GetPageAsync(NewVisitor(), "/search?q=gateway&tag=%3Cscript%3E");
        Assert.Single(garbage.QuerySelectorAll(".search-hit"));
        Assert.Contains("<script>", garbage.QuerySelector("#unknown-tag")!.TextContent, StringComparison.Ordinal);
    }
}
