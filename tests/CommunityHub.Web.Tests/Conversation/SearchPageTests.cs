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
}
