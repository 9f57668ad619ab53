using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace CommunityHub.Web.Tests.Api;

/// <summary>The OpenAPI document the code generates: valid OpenAPI 3 by Microsoft.OpenApi's own reader and rules, listing
/// every API endpoint the app maps (so a new endpoint cannot be left out of it); the reference page shows each.</summary>
public sealed class OpenApiDocumentTests(WebFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task The_document_is_valid_openapi_3_and_lists_every_endpoint()
    {
        using var response = await NewVisitor().GetAsync("/api/v1/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var read = await OpenApiDocument.LoadAsync(stream, "json");
        Assert.Empty(read.Diagnostic!.Errors);
        Assert.StartsWith("OpenApi3", read.Diagnostic.SpecificationVersion.ToString(), StringComparison.Ordinal);
        var document = read.Document!;
        Assert.Empty(document.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);

        var documented = document.Paths.SelectMany(p => p.Value.Operations!.Keys.Select(m => $"{m.Method.ToUpperInvariant()} {p.Key}")).ToHashSet();
        var mapped = Fixture.App.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true && !e.RoutePattern.RawText.EndsWith("openapi.json", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!, ":[a-z]+}", "}")}"))
            .ToHashSet();
        Assert.True(mapped.Count >= 14, string.Join(", ", mapped));
        Assert.Empty(mapped.Except(documented));
        Assert.Contains("POST /api/v1/spaces/{slug}/threads", documented);
    }

    [Fact]
    public async Task The_reference_page_shows_every_operation_with_a_curl_example()
    {
        var page = await GetPageAsync(NewVisitor(), "/api");
        var operations = page.QuerySelectorAll("#operations-heading ~ article h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains("POST /api/v1/spaces/{slug}/threads", operations);
        Assert.Contains("GET /api/v1/notifications", operations);
        Assert.All(page.QuerySelectorAll("#operations-heading ~ article pre"), pre => Assert.StartsWith("curl", pre.TextContent, StringComparison.Ordinal));
        Assert.NotEmpty(page.QuerySelectorAll("#schemas-heading ~ article"));
    }
}
