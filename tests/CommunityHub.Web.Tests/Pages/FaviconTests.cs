using System.Net;

namespace CommunityHub.Web.Tests.Pages;

/// <summary>The site's icon: browsers and feed readers ask for /favicon.ico on a first visit, modern browsers
/// take the SVG the layout links to.</summary>
public sealed class FaviconTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task The_icon_is_served_as_ico_and_svg_and_every_page_links_to_both()
    {
        using var visitor = NewVisitor();

        using var ico = await visitor.GetAsync("/favicon.ico");
        using var svg = await visitor.GetAsync("/favicon.svg");
        var page = await GetPageAsync(visitor, "/");

        Assert.Equal(HttpStatusCode.OK, ico.StatusCode);
        Assert.Equal("image/x-icon", ico.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, (await ico.Content.ReadAsByteArrayAsync())[..4]); // an ICO file's signature
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await svg.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var icons = page.QuerySelectorAll("head link[rel=icon]").Select(link => link.GetAttribute("href")).ToList();
        Assert.Equal(["/favicon.ico", "/favicon.svg"], icons);
    }
}
