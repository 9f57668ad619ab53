using System.Net;

namespace CommunityHub.Web.Tests.Hostile;

/// <summary>Requests no form produces: over-long fields and bodies, malformed ids, unknown addresses, wrong
/// methods. Each gets a clear 4xx page (or the form's own message), never a 500.</summary>
public sealed class MalformedRequestTests(WebFixture fixture) : WebTest(fixture)
{
    [Theory]
    [InlineData("/s/questions/t/abc")]
    [InlineData("/s/questions/t/99999999999999999999")]
    [InlineData("/posts/99999999999999999999/edit")]
    [InlineData("/posts/abc/history")]
    [InlineData("/posts/-1/flag")]
    [InlineData("/members/%E2%80%AE%3Cscript%3E")]
    [InlineData("/s/%E2%80%AE/t/1")]
    [InlineData("/no/such/page")]
    [InlineData("/admin/spaces/abc/edit")]
    [InlineData("/error/abc")]
    public async Task Malformed_ids_and_unknown_addresses_get_the_not_found_page(string url)
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");

        using var response = await alice.GetAsync(url);

        await AssertPageAsync(response, HttpStatusCode.NotFound, "We couldn't find that page");
    }

    [Theory]
    [InlineData("PUT", "/account/sign-in")]
    [InlineData("DELETE", "/account/sign-in")]
    [InlineData("PUT", "/")]
    [InlineData("DELETE", "/s/questions")]
    [InlineData("PATCH", "/s/questions/new")]
    public async Task Wrong_methods_get_a_clear_4xx_page(string method, string url)
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");

        using var response = await alice.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent("x") });

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.NotNull((await ParseAsync(response)).QuerySelector(".error-page h1"));
    }

    [Fact]
    public async Task A_post_without_the_form_token_is_refused_with_the_bad_request_page()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");

        using var response = await PostAsync(alice, "/s/questions/new", new Dictionary<string, string> { ["Input.Title"] = "t", ["Input.Body"] = "b" });

        await AssertPageAsync(response, HttpStatusCode.BadRequest, "That request did not make sense");
    }

    [Fact]
    public async Task Titles_and_bodies_over_their_limits_are_refused_on_the_form()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");

        using var title = await SubmitFormAsync(alice, "/s/questions/new", new Dictionary<string, string> { ["Input.Title"] = new('t', 201), ["Input.Body"] = "b" });
        using var body = await SubmitFormAsync(alice, "/s/questions/new", new Dictionary<string, string> { ["Input.Title"] = "t", ["Input.Body"] = new('b', 50_001) });

        Assert.Equal(HttpStatusCode.OK, title.StatusCode);
        Assert.Contains("at most 200", (await ParseAsync(title)).QuerySelector("#Input_Title-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, body.StatusCode);
        Assert.Contains("at most 50,000", (await ParseAsync(body)).QuerySelector("#Input_Body-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await ReplyCountAsync());
    }

    [Fact]
    public async Task A_form_value_beyond_the_form_limits_gets_a_4xx_page_not_a_500()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");

        // ASP.NET Core's form reader stops at 4 MiB per value (FormOptions.ValueLengthLimit).
        using var response = await SubmitFormAsync(alice, "/s/questions/new", new Dictionary<string, string> { ["Input.Title"] = "t", ["Input.Body"] = new('b', 5 * 1024 * 1024) });

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.NotNull((await ParseAsync(response)).QuerySelector(".error-page h1"));
    }

    private static async Task AssertPageAsync(HttpResponseMessage response, HttpStatusCode status, string title)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(title, (await ParseAsync(response)).QuerySelector(".error-page h1")?.TextContent);
    }
}
