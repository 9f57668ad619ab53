using System.Net;

namespace CommunityHub.Web.Tests.Pages;

public sealed class ReadingTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task Anyone_can_read_the_home_page_a_space_and_a_thread()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var thread = await StartThreadAsync(alice, title: "Exporting to CSV", body: "Which **menu**?");
        using var _ = await ReplyAsync(await NewMemberAsync("Bruno"), thread, "The *Export view* entry.");
        var visitor = NewVisitor();

        var home = await GetPageAsync(visitor, "/");
        var space = await GetPageAsync(visitor, "/s/questions");
        var page = await GetPageAsync(visitor, thread);

        Assert.Contains("Questions", home.QuerySelector(".space-card__name")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 thread", home.QuerySelector(".space-card .meta")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Exporting to CSV", space.QuerySelector(".thread-row__title a")!.TextContent.Trim());
        Assert.Contains("1 reply", space.QuerySelector(".thread-row .meta")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Exporting to CSV", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Which <strong>menu</strong>?", page.QuerySelector(".post--opening .post__body p")!.InnerHtml);
        var reply = page.QuerySelector(".post-list .post")!;
        Assert.Equal("Bruno", reply.QuerySelector(".post__author")!.TextContent);
        Assert.Contains("Joined", reply.QuerySelector(".meta")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href^='/account/sign-in']"));
        Assert.Null(page.QuerySelector("#reply-form form"));
    }

    [Fact]
    public async Task Dates_read_as_relative_times_with_the_exact_time_on_hover()
    {
        await CreateSpaceAsync();
        var thread = await StartThreadAsync(await NewMemberAsync("Alice"));

        var page = await GetPageAsync(NewVisitor(), thread);

        var time = page.QuerySelector(".post--opening .post__permalink time")!;
        Assert.Equal("just now", time.TextContent);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", time.GetAttribute("datetime")!);
        Assert.EndsWith(" UTC", time.GetAttribute("title")!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/s/no-such-space")]
    [InlineData("/s/questions/t/999999")]
    [InlineData("/s/questions/t/not-a-number")]
    [InlineData("/s/no-such-space/new")]
    [InlineData("/no/such/page")]
    public async Task Unknown_addresses_show_the_not_found_page(string url)
    {
        await CreateSpaceAsync();
        var client = url.EndsWith("/new", StringComparison.Ordinal) ? await NewMemberAsync("Alice") : NewVisitor();

        var page = await GetPageAsync(client, url, HttpStatusCode.NotFound);

        Assert.Equal("We couldn't find that page", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task A_malformed_page_link_is_a_bad_request_page()
    {
        await CreateSpaceAsync();

        var page = await GetPageAsync(NewVisitor(), "/s/questions?after=garbage", HttpStatusCode.BadRequest);

        Assert.Equal("That request did not make sense", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task A_thread_read_under_another_spaces_address_redirects_to_where_it_lives()
    {
        await CreateSpaceAsync();
        await CreateSpaceAsync("ideas", "Ideas", 2);
        var thread = await StartThreadAsync(await NewMemberAsync("Alice"));

        using var response = await NewVisitor().GetAsync(thread.Replace("/s/questions/", "/s/ideas/", StringComparison.Ordinal) + "?after=1");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(thread + "?after=1", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_page_link_past_the_last_reply_offers_the_way_back()
    {
        await CreateSpaceAsync();
        var thread = await StartThreadAsync(await NewMemberAsync("Alice"));
        using var _ = await ReplyAsync(await NewMemberAsync("Bruno"), thread, "Only reply");

        var page = await GetPageAsync(NewVisitor(), thread + "?after=999999999");

        Assert.Equal(thread, page.QuerySelector(".replies .empty a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Health_reports_the_database_reachable()
    {
        using var response = await NewVisitor().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
