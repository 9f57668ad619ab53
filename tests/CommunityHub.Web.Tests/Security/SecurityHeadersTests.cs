using System.Net;

namespace CommunityHub.Web.Tests.Security;

/// <summary>What every response tells the browser, and how the cookies are marked.</summary>
public sealed class SecurityHeadersTests(WebFixture fixture) : WebTest(fixture)
{
    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/account/sign-in", HttpStatusCode.OK)]
    [InlineData("/no/such/page", HttpStatusCode.NotFound)]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    public async Task Every_response_carries_the_security_headers(string url, HttpStatusCode status)
    {
        using var response = await NewVisitor().GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_https_the_cookies_are_secure_http_only_and_same_site_and_hsts_is_sent()
    {
        // Not localhost: HSTS is never sent to localhost (the middleware leaves it out for development).
        var visitor = NewVisitor(Fixture.App, new Uri("https://community.example"));

        using (var form = await visitor.GetAsync("/account/register"))
        {
            Assert.Contains("max-age=", Header(form, "Strict-Transport-Security"), StringComparison.Ordinal);
            AssertCookie(form, "communityhub.csrf", secure: true, sameSite: "strict");
        }

        using var registered = await SubmitFormAsync(visitor, "/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Alice",
            ["Input.Email"] = EmailOf("Alice"),
            ["Input.Password"] = Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        AssertCookie(registered, "communityhub.auth", secure: true, sameSite: "lax");
    }

    [Fact]
    public async Task Over_plain_http_the_cookies_are_not_marked_secure_and_no_hsts_is_sent()
    {
        using var registered = await SubmitFormAsync(NewVisitor(), "/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Alice",
            ["Input.Email"] = EmailOf("Alice"),
            ["Input.Password"] = Password,
        });

        Assert.False(registered.Headers.Contains("Strict-Transport-Security"));
        AssertCookie(registered, "communityhub.auth", secure: false, sameSite: "lax");
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"No {name} header on {response.RequestMessage?.RequestUri}.");

    private static void AssertCookie(HttpResponseMessage response, string name, bool secure, string sameSite)
    {
        var cookie = response.Headers.GetValues("Set-Cookie").SingleOrDefault(c => c.StartsWith(name + "=", StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"No {name} cookie set; cookies: {string.Join(" | ", response.Headers.GetValues("Set-Cookie"))}");
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        Assert.Contains("httponly", attributes);
        Assert.Contains($"samesite={sameSite}", attributes);
        Assert.Equal(secure, attributes.Contains("secure"));
    }
}
