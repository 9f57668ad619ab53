using System.Net;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Security;

/// <summary>The rate limits, on an app with small ones (the other tests' app has room to spare). Each test comes
/// from addresses of its own, so that no test depends on another's counts.</summary>
public sealed class RateLimitTests(WebFixture fixture) : WebTest(fixture)
{
    private const string Proxy = "10.0.0.1";

    private static readonly Dictionary<string, string?> SmallLimits = new()
    {
        ["RateLimits:SignIn:PermitLimit"] = "3",
        ["RateLimits:SignIn:Window"] = "01:00:00",
        ["RateLimits:PasswordReset:PermitLimit"] = "2",
        ["RateLimits:PasswordReset:Window"] = "01:00:00",
        ["RateLimits:Posting:PermitLimit"] = "2",
        ["RateLimits:Posting:AddressPermitLimit"] = "4",
        ["RateLimits:Posting:Window"] = "01:00:00",
        ["RateLimits:Flagging:PermitLimit"] = "1",
        ["RateLimits:Flagging:Window"] = "01:00:00",
        ["ForwardedHeaders:KnownProxies:0"] = Proxy,
    };

    private CommunityWebFactory Limited => Fixture.AppWith("small-rate-limits", SmallLimits);

    [Fact]
    public async Task Signing_in_too_often_from_one_address_gets_the_429_page_while_other_addresses_go_on()
    {
        var visitor = From(Limited, "198.51.100.1");
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var allowed = await SignInAsync(visitor, "nobody@example.com", "wrong password");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await SignInAsync(visitor, "nobody@example.com", "wrong password");
        await AssertTooManyAsync(refused);
        using (var form = await visitor.GetAsync("/account/sign-in"))
        {
            Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        }

        using var elsewhere = await SignInAsync(From(Limited, "198.51.100.2"), "nobody@example.com", "wrong password");
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }

    [Fact]
    public async Task Two_instances_of_the_app_count_in_the_same_windows()
    {
        // A second app with its own services and memory, on the same database: what a second process behind a
        // load balancer is. What one counted, the other sees.
        var other = Fixture.AppWith("small-rate-limits-second-instance", SmallLimits);
        using (var first = await SignInAsync(From(Limited, "198.51.100.5"), "nobody@example.com", "wrong password"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using (var second = await SignInAsync(From(other, "198.51.100.5"), "nobody@example.com", "wrong password"))
        {
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        }

        using (var third = await SignInAsync(From(Limited, "198.51.100.5"), "nobody@example.com", "wrong password"))
        {
            Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        }

        using var fourth = await SignInAsync(From(other, "198.51.100.5"), "nobody@example.com", "wrong password");
        await AssertTooManyAsync(fourth);
    }

    [Fact]
    public async Task Asking_for_password_resets_too_often_is_refused()
    {
        var visitor = From(Limited, "198.51.100.11");
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            using var allowed = await SubmitFormAsync(visitor, "/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = "nobody@example.com" });
            Assert.True(allowed.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{allowed.StatusCode}");
        }

        using var refused = await SubmitFormAsync(visitor, "/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = "nobody@example.com" });
        await AssertTooManyAsync(refused);
    }

    [Fact]
    public async Task Posting_is_limited_per_account_from_any_address_and_other_accounts_go_on()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync(From(Limited, "198.51.100.21"), "Alice");
        var thread = await StartThreadAsync(alice);
        Assert.Equal(HttpStatusCode.Redirect, (await ReplyAsync(alice, thread, "One more thing")).StatusCode);

        using var third = await ReplyAsync(alice, thread, "And another");
        await AssertTooManyAsync(third);
        Move(alice, "198.51.100.22");
        using var fromElsewhere = await ReplyAsync(alice, thread, "From my phone");
        await AssertTooManyAsync(fromElsewhere);
        // The thread page's other buttons are not posting.
        using var watch = await SubmitFormAsync(alice, thread, new Dictionary<string, string> { ["choice"] = "Watching" }, "form[action*='handler=watch']");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, watch.StatusCode);

        var bruno = await NewMemberAsync(From(Limited, "198.51.100.22"), "Bruno");
        using var brunosReply = await ReplyAsync(bruno, thread, "Hello");
        Assert.Equal(HttpStatusCode.Redirect, brunosReply.StatusCode);
        Assert.Equal(2, await DbAsync(db => db.Posts.CountAsync(p => !p.IsOpeningPost)));
    }

    [Fact]
    public async Task Posting_is_limited_per_address_across_accounts()
    {
        await CreateSpaceAsync();
        var shared = "198.51.100.31";
        var alice = await NewMemberAsync(From(Limited, shared), "Alice");
        var thread = await StartThreadAsync(alice);
        Assert.Equal(HttpStatusCode.Redirect, (await ReplyAsync(alice, thread, "Two")).StatusCode);
        var bruno = await NewMemberAsync(From(Limited, shared), "Bruno");
        Assert.Equal(HttpStatusCode.Redirect, (await ReplyAsync(bruno, thread, "Three")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ReplyAsync(bruno, thread, "Four")).StatusCode);

        var chloe = await NewMemberAsync(From(Limited, shared), "Chloe");
        using var fifth = await ReplyAsync(chloe, thread, "Five");

        await AssertTooManyAsync(fifth);
    }

    [Fact]
    public async Task Flagging_is_limited()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync(From(Limited, "198.51.100.41"), "Alice");
        var thread = await StartThreadAsync(alice);
        Assert.Equal(HttpStatusCode.Redirect, (await ReplyAsync(alice, thread, "A reply")).StatusCode);
        var posts = await DbAsync(db => db.Posts.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
        var bruno = await NewMemberAsync(From(Limited, "198.51.100.42"), "Bruno");

        using var first = await SubmitFormAsync(bruno, $"/posts/{posts[0]}/flag", new Dictionary<string, string> { ["Input.Reason"] = "Spam" });
        using var second = await SubmitFormAsync(bruno, $"/posts/{posts[1]}/flag", new Dictionary<string, string> { ["Input.Reason"] = "Spam" });

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        await AssertTooManyAsync(second);
        Assert.Equal(1, await DbAsync(db => db.Flags.CountAsync()));
    }

    [Fact]
    public async Task Behind_a_configured_proxy_each_forwarded_client_has_its_own_allowance()
    {
        var first = From(Limited, Proxy, forwardedFor: "203.0.113.1");
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var allowed = await SignInAsync(first, "nobody@example.com", "wrong password");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await SignInAsync(first, "nobody@example.com", "wrong password");
        using var second = await SignInAsync(From(Limited, Proxy, forwardedFor: "203.0.113.2"), "nobody@example.com", "wrong password");

        await AssertTooManyAsync(refused);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task A_forwarded_address_from_a_peer_that_is_not_a_known_proxy_is_ignored()
    {
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            // A client making up a new X-Forwarded-For each time does not get a new allowance.
            using var response = await SignInAsync(From(Limited, "198.51.100.51", forwardedFor: $"203.0.113.{100 + attempt}"), "nobody@example.com", "wrong password");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task With_the_limits_disabled_nothing_is_refused()
    {
        var unlimited = Fixture.AppWith("rate-limits-disabled", new Dictionary<string, string?>
        {
            ["RateLimits:Enabled"] = "false",
            ["RateLimits:SignIn:PermitLimit"] = "1",
        });
        var visitor = From(unlimited, "198.51.100.61");

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var response = await SignInAsync(visitor, "nobody@example.com", "wrong password");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static HttpClient From(CommunityWebFactory app, string peer, string? forwardedFor = null)
    {
        var client = NewVisitor(app);
        Move(client, peer);
        if (forwardedFor is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        return client;
    }

    private static void Move(HttpClient client, string peer)
    {
        client.DefaultRequestHeaders.Remove(LoopbackConnection.PeerHeader);
        client.DefaultRequestHeaders.Add(LoopbackConnection.PeerHeader, peer);
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        SubmitFormAsync(client, "/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    private static async Task AssertTooManyAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = response.Headers.RetryAfter?.Delta ?? throw new Xunit.Sdk.XunitException("No Retry-After header in seconds.");
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        var page = await ParseAsync(response);
        Assert.Equal("Too many attempts", page.QuerySelector("h1")?.TextContent);
        Assert.Contains("Try again in", page.QuerySelector(".lede")?.TextContent, StringComparison.Ordinal);
    }
}
