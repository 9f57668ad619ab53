using System.Diagnostics;
using AngleSharp.Dom;
using System.Net;
using System.Text.Json;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Webhooks;
using CommunityHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Webhooks;

/// <summary>The webhook admin pages over HTTP, and the whole path: a member starts a thread through the page, the app's
/// own background worker delivers it, signed, to a receiver on 127.0.0.1.</summary>
public sealed class WebhookPageTests(WebFixture fixture) : WebTest(fixture)
{
    /// <summary>A second instance on the same database that delivers webhooks itself, quickly, with a short timeout
    /// (any instance may deliver). Each test starts and stops its own, so no delivering worker outlives the test
    /// (a worker left polling would race the next test's reset of the tables).</summary>
    private CommunityWebFactory DeliveringApp()
    {
        var app = new CommunityWebFactory(Fixture.ConnectionString, kestrel: false, new Dictionary<string, string?>
        {
            ["Webhooks:DispatchEnabled"] = "true",
            ["Webhooks:PollInterval"] = "00:00:00.100",
            ["Webhooks:Timeout"] = "00:00:01",
        }, Fixture.Mail);
        _ = app.Server;
        return app;
    }

    private static Dictionary<string, string> Endpoint(string url, string name = "Triage", string events = nameof(WebhookEventTypes.ThreadStarted)) => new()
    {
        ["Input.Name"] = name,
        ["Input.Url"] = url,
        ["Input.Events"] = events,
        ["Input.Enabled"] = "true",
    };

    private async Task<(Guid Id, string Secret)> AddEndpointAsync(HttpClient admin, Uri url)
    {
        using var added = await SubmitFormAsync(admin, "/admin/webhooks", Endpoint(url.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var id = Guid.Parse(added.Headers.Location!.OriginalString.Split('/')[^1]);
        var page = await GetPageAsync(admin, $"/admin/webhooks/{id}");
        var secret = await DbAsync(db => db.WebhookEndpoints.Where(e => e.Id == id).Select(e => e.Secret).SingleAsync());
        Assert.Contains(secret, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        return (id, secret);
    }

    [Fact]
    public async Task A_member_starts_a_thread_on_the_page_and_the_receiver_gets_it_signed()
    {
        using var receiver = WebhookReceiver.Start();
        await CreateSpaceAsync();
        var admin = await NewMemberAsync("Ada", Roles.Admin);
        var (_, secret) = await AddEndpointAsync(admin, receiver.Url);
        await using var delivering = DeliveringApp();
        var alice = await NewMemberAsync(NewVisitor(delivering), "Alice");

        var thread = await StartThreadAsync(alice, title: "Exporting to CSV");

        var got = await receiver.NextAsync();
        Assert.True(got.SignatureVerifies(secret, DateTimeOffset.UtcNow), got.Header("CommunityHub-Signature"));
        using var json = JsonDocument.Parse(got.Body);
        Assert.Equal("thread.started", json.RootElement.GetProperty("type").GetString());
        Assert.Equal("Exporting to CSV", json.RootElement.GetProperty("data").GetProperty("thread").GetProperty("title").GetString());
        Assert.Equal("http://127.0.0.1:5080" + thread, json.RootElement.GetProperty("data").GetProperty("thread").GetProperty("url").GetString());
        Assert.False(got.SignatureVerifies(secret, DateTimeOffset.UtcNow.AddMinutes(6)));
    }

    [Fact]
    public async Task A_slow_receiver_does_not_slow_the_members_post_and_its_timeout_shows_in_the_delivery_log()
    {
        using var receiver = WebhookReceiver.Start(_ => (200, TimeSpan.FromSeconds(30)));
        await CreateSpaceAsync();
        var admin = await NewMemberAsync("Ada", Roles.Admin);
        var (id, _) = await AddEndpointAsync(admin, receiver.Url);
        await using var delivering = DeliveringApp();
        var alice = await NewMemberAsync(NewVisitor(delivering), "Alice");

        // The receiver takes 30 s to answer; the member's POST (form, submit, redirect) never waits for it.
        var watch = Stopwatch.StartNew();
        await StartThreadAsync(alice);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"Starting the thread took {watch.Elapsed}.");

        await receiver.NextAsync();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        string? error = null;
        while (error is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            error = await DbAsync(db => db.WebhookDeliveries.Where(d => d.EndpointId == id).Select(d => d.LastError).SingleAsync());
        }

        Assert.Equal("No answer within 1 s.", error);
        var log = await GetPageAsync(admin, $"/admin/webhooks/{id}");
        var row = log.QuerySelector("tbody tr")!.TextContent;
        Assert.Contains("thread.started", row, StringComparison.Ordinal);
        Assert.Contains("Retrying", row, StringComparison.Ordinal);
        Assert.Contains("No answer within 1 s.", row, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://files.example.com/hook", "Use a full http:// or https:// address")]
    [InlineData("hooks/community", "Use a full http:// or https:// address")]
    [InlineData("http://127.0.0.1:5080/admin/webhooks", "That address is this community itself")]
    public async Task A_bad_address_comes_back_to_the_form_with_a_clear_message_and_nothing_is_saved(string url, string message)
    {
        var admin = await NewMemberAsync("Ada", Roles.Admin);

        using var refused = await SubmitFormAsync(admin, "/admin/webhooks", Endpoint(url));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await ParseAsync(refused);
        Assert.StartsWith(message, page.QuerySelector("#Input_Url-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(url, page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Url")!.Value);
        Assert.False(await DbAsync(db => db.WebhookEndpoints.AnyAsync()));
    }

    [Fact]
    public async Task The_form_offers_member_registered_a_member_registering_on_the_page_is_queued_and_the_audit_log_says_who_added_the_endpoint()
    {
        var admin = await NewMemberAsync("Ada", Roles.Admin);
        var form = await GetPageAsync(admin, "/admin/webhooks");
        var box = form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>($"input[name='Input.Events'][value='{nameof(WebhookEventTypes.MemberRegistered)}']");
        Assert.NotNull(box);
        Assert.Equal("A member registered member.registered", form.QuerySelector($"label[for='{box.Id}']")!.TextContent.Trim());

        using (var added = await SubmitFormAsync(admin, "/admin/webhooks", Endpoint("https://crm.example.com/hooks/community", "CRM", nameof(WebhookEventTypes.MemberRegistered))))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var endpoint = await DbAsync(db => db.WebhookEndpoints.AsNoTracking().SingleAsync());
        Assert.Equal(WebhookEventTypes.MemberRegistered, endpoint.Events);
        (await NewMemberAsync("Grace")).Dispose(); // registers on the page

        Assert.Equal(1, await DbAsync(db => db.WebhookEvents.CountAsync(e => e.Type == WebhookEventTypes.MemberRegistered && e.Summary.Contains("Grace"))));

        var log = await GetPageAsync(admin, "/moderation/log");
        var row = Assert.Single(log.QuerySelectorAll("tbody tr"), r => r.TextContent.Contains("Added a webhook endpoint", StringComparison.Ordinal));
        Assert.Contains("\u201cCRM\u201d at crm.example.com: member.registered; JSON", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Ada", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(endpoint.Secret, log.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("/hooks/community", log.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_edits_pings_redelivers_and_deletes_an_endpoint_from_its_pages()
    {
        using var receiver = WebhookReceiver.Start();
        var admin = await NewMemberAsync("Ada", Roles.Admin);
        var (id, secret) = await AddEndpointAsync(admin, receiver.Url);

        using (var edited = await SubmitFormAsync(admin, $"/admin/webhooks/{id}/edit", new Dictionary<string, string>
        {
            ["Input.Name"] = "Team chat",
            ["Input.Url"] = receiver.Url.ToString(),
            ["Input.Events"] = nameof(WebhookEventTypes.ReplyPosted),
            ["Input.Format"] = nameof(WebhookFormat.Slack),
            ["Input.Internal"] = "true",
            ["Input.Enabled"] = "true",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }

        var endpoint = await DbAsync(db => db.WebhookEndpoints.AsNoTracking().SingleAsync());
        Assert.Equal(("Team chat", WebhookEventTypes.ReplyPosted, WebhookFormat.Slack, true, true, secret),
            (endpoint.Name, endpoint.Events, endpoint.Format, endpoint.Internal, endpoint.Enabled, endpoint.Secret));

        using (var pinged = await SubmitFormAsync(admin, $"/admin/webhooks/{id}", new Dictionary<string, string>(), "form[action$='handler=ping']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, pinged.StatusCode);
        }

        var ping = await DbAsync(db => db.WebhookDeliveries.AsNoTracking().SingleAsync());
        Assert.Equal("ping", ping.EventName);
        Assert.Contains("Test ping", JsonDocument.Parse(ping.Body).RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        await DbAsync(db => db.WebhookDeliveries.ExecuteUpdateAsync(d => d.SetProperty(x => x.FailedAt, DateTimeOffset.UtcNow).SetProperty(x => x.Attempts, 8)));

        using (var redelivered = await SubmitFormAsync(admin, $"/admin/webhooks/{id}", new Dictionary<string, string>(), "form[action$='handler=redeliver']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, redelivered.StatusCode);
        }

        // Queued again (another test's delivering app may already have sent it again: then once, and delivered).
        var queuedAgain = await DbAsync(db => db.WebhookDeliveries.AsNoTracking().SingleAsync());
        Assert.Null(queuedAgain.FailedAt);
        Assert.True(queuedAgain.Attempts == 0 || (queuedAgain.Attempts == 1 && queuedAgain.DeliveredAt is not null), $"{queuedAgain.Attempts} attempts");

        using (var deleted = await SubmitFormAsync(admin, $"/admin/webhooks/{id}", new Dictionary<string, string>(), "form[action$='handler=delete']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        Assert.False(await DbAsync(db => db.WebhookEndpoints.AnyAsync()));
        Assert.False(await DbAsync(db => db.WebhookDeliveries.AnyAsync()));
    }

    [Theory]
    [InlineData(Roles.Moderator)]
    [InlineData(Roles.Staff)]
    [InlineData(null)]
    public async Task Anyone_but_an_admin_is_refused_the_pages_and_their_forged_posts_change_nothing(string? role)
    {
        using var receiver = WebhookReceiver.Start();
        var admin = await NewMemberAsync("Ada", Roles.Admin);
        var (id, _) = await AddEndpointAsync(admin, receiver.Url);
        using (await SubmitFormAsync(admin, $"/admin/webhooks/{id}", new Dictionary<string, string>(), "form[action$='handler=ping']")) { }
        var deliveryId = await DbAsync(db => db.WebhookDeliveries.Select(d => d.Id).SingleAsync());
        // Given up on: a forged "Redeliver" would queue it again.
        var givenUp = DateTimeOffset.UtcNow;
        await DbAsync(db => db.WebhookDeliveries.ExecuteUpdateAsync(d => d.SetProperty(x => x.FailedAt, givenUp)));
        var someone = role is null ? await NewMemberAsync("Bruno") : await NewMemberAsync("Bruno", role);
        // A valid antiforgery token of theirs, from a form they may see.
        var token = FormValues((await GetPageAsync(someone, "/account/feeds")).QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form")!)["__RequestVerificationToken"];

        foreach (var page in new[] { "/admin/webhooks", $"/admin/webhooks/{id}", $"/admin/webhooks/{id}/edit" })
        {
            using var refused = await someone.GetAsync(page);
            Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{page}: {refused.StatusCode}");
            Assert.DoesNotContain("whsec_", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var forged = new (string Url, Dictionary<string, string> Fields)[]
        {
            ("/admin/webhooks", new() { ["Input.Name"] = "Mine", ["Input.Url"] = "https://evil.example/", ["Input.Events"] = "ThreadStarted", ["Input.Internal"] = "true", ["Input.Enabled"] = "true" }),
            ($"/admin/webhooks/{id}/edit", new() { ["Input.Name"] = "Mine", ["Input.Url"] = "https://evil.example/", ["Input.Events"] = "ThreadStarted", ["Input.Internal"] = "true", ["Input.Enabled"] = "true" }),
            ($"/admin/webhooks/{id}?handler=ping", new()),
            ($"/admin/webhooks/{id}?handler=redeliver", new() { ["deliveryId"] = deliveryId.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            ($"/admin/webhooks/{id}?handler=delete", new()),
        };
        foreach (var (url, fields) in forged)
        {
            fields["__RequestVerificationToken"] = token;
            using var response = await PostAsync(someone, url, fields);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{url}: {response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                Assert.Contains("/error/403", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
            }
        }

        var endpoint = await DbAsync(db => db.WebhookEndpoints.AsNoTracking().SingleAsync());
        Assert.Equal(("Triage", receiver.Url.AbsoluteUri, false), (endpoint.Name, endpoint.Url, endpoint.Internal));
        Assert.Equal(1, await DbAsync(db => db.WebhookDeliveries.CountAsync()));
        Assert.NotNull(await DbAsync(db => db.WebhookDeliveries.Select(d => d.FailedAt).SingleAsync()));
    }
}
