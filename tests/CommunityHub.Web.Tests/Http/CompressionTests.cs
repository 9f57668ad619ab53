using System.IO.Compression;
using System.Net;
using System.Text;

namespace CommunityHub.Web.Tests.Http;

/// <summary>Compression where it pays and where it cannot leak (BREACH): static files and anonymous pages,
/// never a signed-in member's page, whose private content could be guessed from compressed sizes.</summary>
public sealed class CompressionTests(WebFixture fixture) : WebTest(fixture)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/s/questions")]
    [InlineData("/search?q=export")]
    [InlineData("/account/sign-in")]
    [InlineData("/feed.atom")]
    public async Task Pages_for_anonymous_readers_are_compressed_for_clients_that_accept_it(string url)
    {
        await CreateSpaceAsync();
        using var visitor = NewVisitor();

        using var response = await SendAcceptingCompressionAsync(visitor, url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        var text = await DecompressAsync(response);
        Assert.StartsWith(url.Contains("feed", StringComparison.Ordinal) ? "<?xml" : "<!DOCTYPE html>", text.TrimStart('\uFEFF'), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/search?q=export")]
    [InlineData("/notifications")]
    [InlineData("/account/data")]
    public async Task A_signed_in_members_pages_are_never_compressed(string url)
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");

        using var response = await SendAcceptingCompressionAsync(alice, url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("Signed in as", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/css/site.css")]
    [InlineData("/js/site.js")]
    [InlineData("/favicon.svg")]
    [InlineData("/favicon.ico")]
    public async Task Static_files_are_compressed_for_everyone(string url)
    {
        var alice = await NewMemberAsync("Alice");

        using var response = await SendAcceptingCompressionAsync(alice, url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Without_accept_encoding_nothing_is_compressed()
    {
        using var response = await NewVisitor().GetAsync("/");

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.StartsWith("<!DOCTYPE html>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_token_of_an_anonymous_page_differs_in_every_response_so_compressed_sizes_cannot_reveal_it()
    {
        using var visitor = NewVisitor();

        var tokens = new HashSet<string>();
        for (var i = 0; i < 3; i++)
        {
            var page = await GetPageAsync(visitor, "/account/sign-in");
            tokens.Add(page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!);
        }

        Assert.Equal(3, tokens.Count);
    }

    private static async Task<HttpResponseMessage> SendAcceptingCompressionAsync(HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Accept-Encoding", "br, gzip");
        return await client.SendAsync(request);
    }

    private static async Task<string> DecompressAsync(HttpResponseMessage response)
    {
        await using var compressed = await response.Content.ReadAsStreamAsync();
        await using var brotli = new BrotliStream(compressed, CompressionMode.Decompress);
        using var reader = new StreamReader(brotli, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}
