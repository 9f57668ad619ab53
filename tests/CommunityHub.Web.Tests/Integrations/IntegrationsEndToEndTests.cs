using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Webhooks;
using CommunityHub.Testing;
using CommunityHub.Web.Tests.Browser;
using Microsoft.Playwright;

namespace CommunityHub.Web.Tests.Integrations;

/// <summary>Issue 17's "Done when", in one test and from the outside: an admin registers a webhook on its page, a member
/// makes a personal access token on /account/tokens and starts a thread through <c>POST /api/v1</c> on instance A; a
/// receiver on 127.0.0.1 gets the delivery and checks its HMAC-SHA256 signature with the README's recipe (not the
/// sender's code); and a browser whose space list is served by instance B sees the "new threads" bar appear without a
/// reload and follows it to the thread. Only the database and PostgreSQL's LISTEN/NOTIFY join A and B.</summary>
public sealed class IntegrationsEndToEndTests(WebFixture fixture, BrowserSession session) : BrowserTest(fixture, session)
{
    private const string Title = "Syncing contacts from the CRM";

    [Fact]
    public async Task A_thread_started_through_the_api_is_delivered_signed_and_appears_live_on_another_instance()
    {
        using var receiver = WebhookReceiver.Start();
        await CreateSpaceAsync("questions", "Questions");

        // An admin registers the receiver for "thread started" on /admin/webhooks and reads its secret off its page.
        var admin = await NewMemberAsync("Ada Admin", Roles.Admin);
        var secret = await AddEndpointAsync(admin, receiver.Url);

        // Instance A: an app on the same database that also delivers webhooks (the tests' apps do not by default).
        // Started and stopped by this test, as WebhookPageTests' are, so no delivering worker outlives it.
        await using var instanceA = new CommunityWebFactory(Fixture.ConnectionString, kestrel: false, new Dictionary<string, string?>
        {
            ["Webhooks:DispatchEnabled"] = "true",
            ["Webhooks:PollInterval"] = "00:00:00.100",
            ["Webhooks:Timeout"] = "00:00:05",
        }, Fixture.Mail);
        _ = instanceA.Server;

        // A member registers on instance A and makes a token on /account/tokens, as a person would.
        var alice = await NewMemberAsync(NewVisitor(instanceA), "Alice Chen");
        var token = await MakeTokenAsync(alice);
        Assert.Matches("^chub_", token);

        // Instance B (the lanes' Kestrel app, webhooks off): Bruno has the space's list open before anything is posted.
        var bruno = await NewPersonAsync(app: Fixture.BrowserApp().Address);
        await RegisterAsync(bruno, "Bruno Costa");
        await bruno.GotoAsync("/s/questions");
        await Assertions.Expect(bruno.Locator("#threads-heading")).ToContainTextAsync("(0)");
        await Assertions.Expect(bruno.GetByRole(AriaRole.Link, new() { Name = Title })).ToHaveCountAsync(0);
        await bruno.EvaluateAsync("() => { window.notReloaded = true; }");

        // The script: a cookie-less client with the bearer token, on instance A.
        using var api = NewVisitor(instanceA);
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var started = await api.PostAsync("/api/v1/spaces/questions/threads",
            new StringContent(JsonSerializer.Serialize(new { title = Title, body = "Is there a way to import them nightly?" }), Encoding.UTF8, "application/json"));
        var startedText = await started.Content.ReadAsStringAsync();
        Assert.True(started.StatusCode == HttpStatusCode.Created, $"{started.StatusCode}: {startedText}");
        long threadId;
        using (var created = JsonDocument.Parse(startedText))
        {
            threadId = created.RootElement.GetProperty("threadId").GetInt64();
        }

        // The receiver gets the delivery; the test checks the signature itself, as the README tells a receiver to.
        var delivery = await NextThreadStartedAsync(receiver);
        var signature = delivery.Header("CommunityHub-Signature");
        Assert.True(Verifies(secret, signature, delivery.Body, DateTimeOffset.UtcNow), $"Signature {signature} does not verify.");
        Assert.False(Verifies(secret, signature, delivery.Body.Replace(Title, "Forged", StringComparison.Ordinal), DateTimeOffset.UtcNow), "A changed body verified.");
        Assert.False(Verifies(secret + "x", signature, delivery.Body, DateTimeOffset.UtcNow), "Another secret verified.");
        Assert.False(Verifies(secret, signature, delivery.Body, DateTimeOffset.UtcNow.AddMinutes(6)), "A replay after the window verified.");
        Assert.StartsWith("application/json", delivery.ContentType, StringComparison.Ordinal);

        string threadUrl;
        using (var json = JsonDocument.Parse(delivery.Body))
        {
            Assert.Equal("thread.started", json.RootElement.GetProperty("type").GetString());
            var thread = json.RootElement.GetProperty("data").GetProperty("thread");
            Assert.Equal(threadId, thread.GetProperty("id").GetInt64());
            Assert.Equal(Title, thread.GetProperty("title").GetString());
            Assert.Equal("Alice Chen", json.RootElement.GetProperty("data").GetProperty("post").GetProperty("author").GetProperty("name").GetString());
            threadUrl = thread.GetProperty("url").GetString()!;
        }

        // Instance B heard of it through the database: the bar appears on the open page, which was not reloaded.
        var bar = bruno.GetByRole(AriaRole.Link, new() { Name = "1 new thread — show" });
        await Assertions.Expect(bar).ToBeVisibleAsync();
        await Assertions.Expect(bruno.Locator("#live-status")).ToHaveTextAsync("1 new thread");
        Assert.True(await bruno.EvaluateAsync<bool>("() => window.notReloaded === true"), "The page was reloaded.");

        await bar.ClickAsync();
        var link = bruno.GetByRole(AriaRole.Link, new() { Name = Title });
        await Assertions.Expect(link).ToBeVisibleAsync();
        await Assertions.Expect(bruno.Locator(".live-bar")).ToHaveCountAsync(0);
        await link.ClickAsync();
        await Assertions.Expect(bruno.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Title);
        Assert.Equal(new Uri(threadUrl).AbsolutePath, new Uri(bruno.Url).AbsolutePath);
    }

    /// <summary>The README's check, written out here: <c>t=…,v1=…</c>; HMAC-SHA256 of "t.body" with the endpoint's
    /// secret, compared in constant time; a timestamp within five minutes of <paramref name="now"/>.</summary>
    private static bool Verifies(string secret, string? header, string body, DateTimeOffset now)
    {
        if (header is null)
        {
            return false;
        }

        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("t", out var t) || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(now.ToUnixTimeSeconds() - seconds) > 300 || !parts.TryGetValue("v1", out var v1))
        {
            return false;
        }

        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return v1.Length == mac.Length * 2 && v1.All(Uri.IsHexDigit) && CryptographicOperations.FixedTimeEquals(mac, Convert.FromHexString(v1));
    }

    /// <summary>The first "thread.started" delivery, waiting at most <see cref="BrowserTest.Timeout"/> in all.</summary>
    private static async Task<WebhookReceiver.Received> NextThreadStartedAsync(WebhookReceiver receiver)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(Timeout);
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            var next = await receiver.NextAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero);
            if (next.Header("CommunityHub-Event") == "thread.started")
            {
                return next;
            }
        }
    }

    /// <summary>Adds an endpoint on /admin/webhooks (form and antiforgery token) and returns the secret its page shows.</summary>
    private static async Task<string> AddEndpointAsync(HttpClient admin, Uri url)
    {
        using var added = await SubmitFormAsync(admin, "/admin/webhooks", new Dictionary<string, string>
        {
            ["Input.Name"] = "Support triage",
            ["Input.Url"] = url.ToString(),
            ["Input.Events"] = nameof(WebhookEventTypes.ThreadStarted),
            ["Input.Enabled"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = await GetPageAsync(admin, added.Headers.Location!.OriginalString);
        return page.QuerySelectorAll("dd code").Select(c => c.TextContent.Trim()).Single(t => t.StartsWith("whsec_", StringComparison.Ordinal));
    }

    /// <summary>Makes a read-and-write token on /account/tokens (as ApiTest does) and reads it off the page shown once.</summary>
    private static async Task<string> MakeTokenAsync(HttpClient member)
    {
        var form = (await GetPageAsync(member, "/account/tokens")).QuerySelector<IHtmlFormElement>("main form:not([action*='handler'])")!;
        var fields = FormValues(form).Where(f => f.Key is not ("Input.Name" or "Input.ExpiresOn" or "Input.BotName")).ToList();
        fields.Add(new("Input.Name", "CRM sync"));
        fields.Add(new("Input.Scopes", "read"));
        fields.Add(new("Input.Scopes", "write"));
        using var content = new FormUrlEncodedContent(fields);
        using var made = await member.PostAsync("/account/tokens", content);
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        return (await GetPageAsync(member, made.Headers.Location!.OriginalString)).QuerySelector<IHtmlInputElement>("#new-token")!.Value;
    }
}
