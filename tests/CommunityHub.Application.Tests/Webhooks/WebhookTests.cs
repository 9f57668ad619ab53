using System.Text.Json;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Moderation;
using CommunityHub.Application.Tests.Trust;
using CommunityHub.Application.Threads;
using CommunityHub.Application.Webhooks;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Webhooks;
using CommunityHub.Infrastructure.Persistence;
using CommunityHub.Infrastructure.Webhooks;
using CommunityHub.Testing;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Tests.Webhooks;

/// <summary>Webhooks against PostgreSQL and a real receiver on 127.0.0.1: who may register them, which addresses are
/// refused, what each receiver may hear of, and how delivery signs, retries, times out and gives up.</summary>
public sealed class WebhookTests(CommunityFixture fixture) : TrustTest(fixture)
{
    private static readonly WebhookEventTypes[] ConversationEvents = [WebhookEventTypes.ThreadStarted, WebhookEventTypes.ReplyPosted];

    private async Task<T> WithDispatcherAsync<T>(Func<WebhookDispatcher, Task<T>> work, TimeSpan? timeout = null)
    {
        await using var scope = Fixture.Services.CreateAsyncScope();
        var dispatcher = new WebhookDispatcher(
            scope.ServiceProvider.GetRequiredService<CommunityDbContext>(),
            scope.ServiceProvider.GetRequiredService<IHttpClientFactory>(),
            scope.ServiceProvider.GetRequiredService<IWebhookLinks>(),
            Options.Create(new WebhookOptions { Timeout = timeout ?? TimeSpan.FromSeconds(10) }),
            Fixture.Clock,
            NullLogger<WebhookDispatcher>.Instance);
        return await work(dispatcher);
    }

    private Task<(int FannedOut, int Claimed)> DispatchAsync(TimeSpan? timeout = null) =>
        WithDispatcherAsync(async dispatcher => (await dispatcher.FanOutAsync(CancellationToken.None), await dispatcher.DeliverDueAsync(CancellationToken.None)), timeout);

    private async Task<long> StartThreadAsync(string title = "How do I export?", string body = "Where is the export menu?", string space = "questions") =>
        (await SendAsync(new StartThread.Command { SpaceSlug = space, Title = title, Body = body, SubmissionId = Guid.NewGuid() })).ThreadId;

    private async Task<long> ReplyAsync(long threadId, string body = "Like this.") =>
        (await SendAsync(new ReplyToThread.Command { SpaceSlug = "questions", ThreadId = threadId, Body = body, SubmissionId = Guid.NewGuid() })).PostId;

    private Task HideAsync(long postId) => ExecuteSqlAsync($"UPDATE posts SET hidden_at = now(), hidden_reason = 'Off topic' WHERE id = {postId}");

    private Task ConfirmEmailOfAsync(Guid memberId) => ExecuteSqlAsync($"UPDATE users SET email_confirmed = true WHERE id = {memberId}");

    private async Task<Guid> AdminAsync() => await RunAsNewAsync("Ada", Roles.Admin);

    private async Task<(Guid Id, string Secret)> AddEndpointAsync(Uri url, WebhookEventTypes[]? events = null, bool isInternal = false, WebhookFormat format = WebhookFormat.Json, string name = "Triage")
    {
        var id = await SendAsync(new AddWebhookEndpoint.Command { Name = name, Url = url.ToString(), Events = [.. events ?? ConversationEvents], Internal = isInternal, Format = format });
        return (id, await QueryAsync(db => db.WebhookEndpoints.Where(e => e.Id == id).Select(e => e.Secret).SingleAsync()));
    }

    private Task<List<WebhookDelivery>> DeliveriesAsync() => QueryAsync(db => db.WebhookDeliveries.AsNoTracking().OrderBy(d => d.Id).ToListAsync());

    [Fact]
    public async Task A_thread_started_reaches_the_receiver_signed_with_the_endpoints_secret_and_absolute_links()
    {
        using var receiver = WebhookReceiver.Start();
        await CreateSpaceAsync();
        var admin = await AdminAsync();
        var (endpointId, secret) = await AddEndpointAsync(receiver.Url);
        await RunAsNewAsync("Alice");
        var threadId = await StartThreadAsync("Export to CSV?", "Where is the export menu?");

        // Queued with the thread, in its transaction; nothing was sent by the use case itself.
        var queued = await QueryAsync(db => db.WebhookEvents.AsNoTracking().SingleAsync(e => e.Type != WebhookEventTypes.MemberRegistered));
        Assert.Equal((WebhookEventTypes.ThreadStarted, (DateTimeOffset?)null), (queued.Type, queued.FannedOutAt));
        Assert.Empty(receiver.All);

        // Three events fanned out (Ada's and Alice's registrations, which the endpoint did not choose, and the thread); one delivery.
        Assert.Equal((3, 1), await DispatchAsync());
        var got = await receiver.NextAsync();
        Assert.Equal(("POST", "application/json; charset=utf-8"), (got.Method, got.ContentType));
        Assert.True(got.SignatureVerifies(secret, Fixture.Clock.GetUtcNow()));
        Assert.False(got.SignatureVerifies(WebhookEndpoint.NewSecret(), Fixture.Clock.GetUtcNow()));
        // Replayed six minutes later, the same signature is refused.
        Assert.False(got.SignatureVerifies(secret, Fixture.Clock.GetUtcNow().AddMinutes(6)));
        Assert.Equal(queued.Id.ToString(), got.Header("CommunityHub-Event-Id"));
        Assert.Equal("thread.started", got.Header("CommunityHub-Event"));

        using var json = JsonDocument.Parse(got.Body);
        var root = json.RootElement;
        Assert.Equal("thread.started", root.GetProperty("type").GetString());
        Assert.Equal(queued.Id, root.GetProperty("id").GetGuid());
        Assert.Equal(TestClock.Start, root.GetProperty("occurred_at").GetDateTimeOffset());
        var data = root.GetProperty("data");
        Assert.Equal(threadId, data.GetProperty("thread").GetProperty("id").GetInt64());
        Assert.Equal("Export to CSV?", data.GetProperty("thread").GetProperty("title").GetString());
        Assert.Equal($"http://127.0.0.1:5080/s/questions/t/{threadId}", data.GetProperty("thread").GetProperty("url").GetString());
        Assert.Equal("questions", data.GetProperty("space").GetProperty("slug").GetString());
        Assert.Equal("Where is the export menu?", data.GetProperty("post").GetProperty("body").GetString());
        Assert.Equal("Alice", data.GetProperty("post").GetProperty("author").GetProperty("name").GetString());

        var delivery = Assert.Single(await DeliveriesAsync());
        Assert.Equal((endpointId, 1, 200, (string?)null), (delivery.EndpointId, delivery.Attempts, delivery.LastStatusCode, delivery.LastError));
        Assert.NotNull(delivery.DeliveredAt);
        Assert.NotNull(delivery.LastResponseMilliseconds);
        Assert.Equal((0, 0), await DispatchAsync()); // delivered once
        _ = admin;
    }

    [Fact]
    public async Task A_reply_in_slack_format_is_an_incoming_webhook_message_with_the_thread_title_and_link()
    {
        using var receiver = WebhookReceiver.Start();
        await CreateSpaceAsync();
        await AdminAsync();
        await AddEndpointAsync(receiver.Url, format: WebhookFormat.Slack);
        var alice = await RunAsNewAsync("Alice");
        await ExecuteSqlAsync($"UPDATE members SET display_name = 'Alice <Chen>' WHERE id = {alice}");
        var threadId = await StartThreadAsync("Totals & rounding");
        await DispatchAsync();

        using var json = JsonDocument.Parse((await receiver.NextAsync()).Body);
        var text = json.RootElement.GetProperty("text").GetString();
        Assert.Equal($"New thread in *Questions*: <http://127.0.0.1:5080/s/questions/t/{threadId}|Totals &amp; rounding> by Alice &lt;Chen&gt;", text);
        var block = Assert.Single(json.RootElement.GetProperty("blocks").EnumerateArray());
        Assert.Equal(("section", "mrkdwn", text), (block.GetProperty("type").GetString(), block.GetProperty("text").GetProperty("type").GetString(), block.GetProperty("text").GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Only_an_admin_may_register_change_or_delete_an_endpoint_or_read_its_secret()
    {
        using var receiver = WebhookReceiver.Start();
        await AdminAsync();
        var (id, _) = await AddEndpointAsync(receiver.Url);
        foreach (var role in new[] { Roles.Moderator, Roles.Staff, Roles.Member })
        {
            await RunAsNewAsync($"Not admin {role}", role == Roles.Member ? [] : [role]);
            await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new AddWebhookEndpoint.Command { Name = "Mine", Url = receiver.Url.ToString(), Events = [WebhookEventTypes.ThreadStarted] }));
            await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new EditWebhookEndpoint.Command { EndpointId = id, Name = "Mine", Url = "https://evil.example/", Events = [WebhookEventTypes.ThreadStarted], Internal = true }));
            await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new DeleteWebhookEndpoint.Command(id)));
            await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new SendWebhookPing.Command(id)));
            await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new GetWebhookEndpoints.OneQuery(id)));
            await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new GetWebhookEndpoints.Query()));
        }

        RunAsAnonymous();
        await Assert.ThrowsAsync<NotSignedInException>(() => SendAsync(new GetWebhookEndpoints.Query()));
        var endpoint = await QueryAsync(db => db.WebhookEndpoints.AsNoTracking().SingleAsync());
        Assert.Equal(("Triage", receiver.Url.AbsoluteUri, false), (endpoint.Name, endpoint.Url, endpoint.Internal));
        Assert.Empty(await DeliveriesAsync());
    }

    [Theory]
    [InlineData("ftp://files.example.com/hook", "Use a full http:// or https:// address")]
    [InlineData("/hooks/community", "Use a full http:// or https:// address")]
    [InlineData("javascript:alert(1)", "Use a full http:// or https:// address")]
    [InlineData("file:///etc/passwd", "Use a full http:// or https:// address")]
    [InlineData("", "Give the address the receiver listens on.")]
    [InlineData("http://127.0.0.1:5080/admin", "That address is this community itself")]
    [InlineData("http://localhost:5080/", "That address is this community itself")]
    public async Task A_url_that_is_not_http_or_points_at_the_community_itself_is_refused_with_a_clear_message(string url, string message)
    {
        await AdminAsync();
        var refused = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(new AddWebhookEndpoint.Command { Name = "Bad", Url = url, Events = [WebhookEventTypes.ThreadStarted] }));
        Assert.Contains(refused.Errors, e => e.PropertyName == nameof(AddWebhookEndpoint.Command.Url) && e.ErrorMessage.StartsWith(message, StringComparison.Ordinal));
        Assert.False(await QueryAsync(db => db.WebhookEndpoints.AnyAsync()));
    }

    [Fact]
    public async Task An_endpoint_needs_a_name_and_at_least_one_event()
    {
        await AdminAsync();
        var refused = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(new AddWebhookEndpoint.Command { Name = " ", Url = "https://hooks.example.com/", Events = [] }));
        Assert.Equal(["Events", "Name"], refused.Errors.Select(e => e.PropertyName).Order());
    }

    [Fact]
    public async Task A_staff_note_goes_only_to_internal_endpoints()
    {
        using var outside = WebhookReceiver.Start();
        using var inside = WebhookReceiver.Start();
        await CreateSpaceAsync();
        await AdminAsync();
        await AddEndpointAsync(outside.Url, [WebhookEventTypes.ReplyPosted], name: "Outside");
        await AddEndpointAsync(inside.Url, [WebhookEventTypes.ReplyPosted], isInternal: true, name: "Inside");
        await RunAsNewAsync("Alice");
        var thread = await SendAsync(new StartThread.Command { SpaceSlug = "questions", Title = "Export?", Body = "Where?", SubmissionId = Guid.NewGuid() });
        await RunAsNewAsync("Sam", Roles.Staff);
        await SendAsync(Reply(thread, "Staff only: this is bug 123.", staffNote: true));
        await SendAsync(Reply(thread, "Settings, then Export."));

        await DispatchAsync();

        var insideGot = new[] { await inside.NextAsync(), await inside.NextAsync() };
        Assert.Contains(insideGot, r => r.Body.Contains("bug 123", StringComparison.Ordinal));
        var outsideGot = await outside.NextAsync();
        Assert.Contains("Settings, then Export.", outsideGot.Body, StringComparison.Ordinal);
        await Task.Delay(300);
        Assert.Single(outside.All);
        Assert.DoesNotContain(outside.All, r => r.Body.Contains("bug 123", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_post_in_a_members_only_or_group_space_goes_only_to_internal_endpoints()
    {
        using var outside = WebhookReceiver.Start();
        using var inside = WebhookReceiver.Start();
        await CreateSpaceAsync("members", "Members", 1);
        await CreateSpaceAsync("beta", "Beta", 2);
        await ExecuteSqlAsync($"UPDATE spaces SET members_only = true WHERE slug = 'members'");
        await AdminAsync();
        var group = await SendAsync(new Application.Groups.CreateGroup.Command { Name = "Beta testers" });
        var beta = await QueryAsync(db => db.Spaces.Where(s => s.Slug == "beta").Select(s => s.Id).SingleAsync());
        await SendAsync(new Application.Groups.RestrictSpace.Command { SpaceId = beta, GroupIds = [group] });
        await AddEndpointAsync(outside.Url, name: "Outside");
        await AddEndpointAsync(inside.Url, isInternal: true, name: "Inside");
        await StartThreadAsync("For members", space: "members");
        await StartThreadAsync("For beta testers", space: "beta");

        await DispatchAsync();

        Assert.Equal(["For beta testers", "For members"], new[] { await inside.NextAsync(), await inside.NextAsync() }
            .Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("data").GetProperty("thread").GetProperty("title").GetString()).Order());
        await Task.Delay(300);
        Assert.Empty(outside.All);
        Assert.Equal(2, (await DeliveriesAsync()).Count);
    }

    [Fact]
    public async Task A_post_awaiting_approval_is_sent_only_once_a_moderator_approves_it()
    {
        using var receiver = WebhookReceiver.Start();
        await CreateSpaceAsync();
        await AdminAsync();
        await AddEndpointAsync(receiver.Url);
        var moderator = await RunAsNewAsync("Mona", Roles.Moderator);
        await RunAsNewAsync("Alice");
        var thread = await SendAsync(new StartThread.Command { SpaceSlug = "questions", Title = "How do I export?", Body = "Where is the export?", SubmissionId = Guid.NewGuid() });
        await RunAsNewAsync("Nina");
        using (ShippedTrustRules())
        {
            var held = await SendAsync(Reply(thread, "Try the nightly export under Settings."));
            await DispatchAsync();
            Assert.Single(receiver.All); // the thread only
            Assert.Equal(1, await QueryAsync(db => db.WebhookEvents.CountAsync(e => e.Type != WebhookEventTypes.MemberRegistered)));

            RunAs(moderator, Roles.Moderator);
            await SendAsync(new ApprovePost.Command { PostId = held.PostId });
        }

        await DispatchAsync();
        await receiver.NextAsync();
        var approved = await receiver.NextAsync();
        Assert.Equal("reply.posted", approved.Header("CommunityHub-Event"));
        Assert.Contains("nightly export", approved.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_hidden_or_deleted_before_it_is_fanned_out_is_not_sent()
    {
        using var receiver = WebhookReceiver.Start();
        await CreateSpaceAsync();
        await AdminAsync();
        await AddEndpointAsync(receiver.Url, [WebhookEventTypes.ReplyPosted], isInternal: true);
        await RunAsNewAsync("Alice");
        var threadId = await StartThreadAsync();
        var hidden = await ReplyAsync(threadId, "Buy cheap watches");
        var deleted = await ReplyAsync(threadId, "Oops, wrong thread");
        await ReplyAsync(threadId, "Settings, then Export.");
        await HideAsync(hidden);
        await ExecuteSqlAsync($"UPDATE posts SET deleted_at = now() WHERE id = {deleted}");

        await DispatchAsync();

        Assert.Contains("Settings, then Export.", (await receiver.NextAsync()).Body, StringComparison.Ordinal);
        await Task.Delay(300);
        Assert.Single(receiver.All);
        Assert.True(await QueryAsync(db => db.WebhookEvents.AllAsync(e => e.FannedOutAt != null)));
    }

    [Fact]
    public async Task Only_the_events_an_endpoint_chose_reach_it_and_a_disabled_endpoint_gets_none()
    {
        using var threads = WebhookReceiver.Start();
        using var off = WebhookReceiver.Start();
        await CreateSpaceAsync();
        await AdminAsync();
        await AddEndpointAsync(threads.Url, [WebhookEventTypes.ThreadStarted]);
        var (offId, _) = await AddEndpointAsync(off.Url, name: "Off");
        await SendAsync(new EditWebhookEndpoint.Command { EndpointId = offId, Name = "Off", Url = off.Url.ToString(), Events = [.. ConversationEvents], Enabled = false });
        var threadId = await StartThreadAsync();
        await ReplyAsync(threadId);

        await DispatchAsync();

        Assert.Equal("thread.started", (await threads.NextAsync()).Header("CommunityHub-Event"));
        await Task.Delay(300);
        Assert.Single(threads.All);
        Assert.Empty(off.All);
    }

    [Fact]
    public async Task A_failing_receiver_is_retried_with_backoff_and_each_attempts_status_is_recorded()
    {
        using var receiver = WebhookReceiver.Start(n => (n == 1 ? 500 : 200, TimeSpan.Zero));
        await CreateSpaceAsync();
        await AdminAsync();
        var (endpointId, secret) = await AddEndpointAsync(receiver.Url);
        await StartThreadAsync();

        await DispatchAsync();
        var first = await receiver.NextAsync();
        var failed = Assert.Single(await DeliveriesAsync());
        Assert.Equal((1, 500, (DateTimeOffset?)null), (failed.Attempts, failed.LastStatusCode, failed.DeliveredAt));
        Assert.StartsWith("The receiver answered 500", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(TestClock.Start + WebhookDelivery.Backoff(1), failed.NextAttemptAt);
        Assert.Equal(TestClock.Start, await QueryAsync(db => db.WebhookEndpoints.Where(e => e.Id == endpointId).Select(e => e.FailingSince).SingleAsync()));
        Assert.Equal((0, 0), await DispatchAsync()); // backing off

        Fixture.Clock.Advance(WebhookDelivery.Backoff(1));
        Assert.Equal((0, 1), await DispatchAsync());
        var second = await receiver.NextAsync();
        Assert.True(second.SignatureVerifies(secret, Fixture.Clock.GetUtcNow()));
        Assert.Equal(first.Header("CommunityHub-Event-Id"), second.Header("CommunityHub-Event-Id"));
        Assert.Equal(first.Body, second.Body);
        var delivered = Assert.Single(await DeliveriesAsync());
        Assert.Equal((2, 200, (string?)null), (delivered.Attempts, delivered.LastStatusCode, delivered.LastError));
        Assert.Null(await QueryAsync(db => db.WebhookEndpoints.Where(e => e.Id == endpointId).Select(e => e.FailingSince).SingleAsync()));
    }

    [Fact]
    public async Task A_slow_receiver_times_out_and_the_timeout_is_recorded()
    {
        using var receiver = WebhookReceiver.Start(_ => (200, TimeSpan.FromSeconds(5)));
        await CreateSpaceAsync();
        await AdminAsync();
        await AddEndpointAsync(receiver.Url);
        await StartThreadAsync();

        var watch = System.Diagnostics.Stopwatch.StartNew();
        await DispatchAsync(timeout: TimeSpan.FromMilliseconds(300));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), $"Took {watch.Elapsed}");

        var delivery = Assert.Single(await DeliveriesAsync());
        Assert.Equal((1, (int?)null, (DateTimeOffset?)null), (delivery.Attempts, delivery.LastStatusCode, delivery.DeliveredAt));
        Assert.Equal("No answer within 0.3 s.", delivery.LastError);
        Assert.InRange(delivery.LastResponseMilliseconds!.Value, 250, 4000);
    }

    [Fact]
    public async Task After_the_last_attempt_a_delivery_is_marked_failed_and_kept()
    {
        using var receiver = WebhookReceiver.Start(_ => (503, TimeSpan.Zero));
        await CreateSpaceAsync();
        await AdminAsync();
        await AddEndpointAsync(receiver.Url);
        await StartThreadAsync();
        for (var attempt = 1; attempt <= WebhookDelivery.MaxAttempts; attempt++)
        {
            Assert.Equal(1, (await DispatchAsync()).Claimed);
            Fixture.Clock.Advance(WebhookDelivery.Backoff(attempt));
        }

        Assert.Equal(0, (await DispatchAsync()).Claimed);
        var given = Assert.Single(await DeliveriesAsync());
        Assert.Equal((WebhookDelivery.MaxAttempts, 503), (given.Attempts, given.LastStatusCode));
        Assert.NotNull(given.FailedAt);
        Assert.Equal(WebhookDelivery.MaxAttempts, receiver.All.Count);
    }

    [Fact]
    public async Task An_endpoint_failing_for_a_day_is_disabled_and_the_admins_are_emailed_once()
    {
        using var receiver = WebhookReceiver.Start(_ => (500, TimeSpan.Zero));
        await CreateSpaceAsync();
        var ada = await AdminAsync();
        await ConfirmEmailOfAsync(ada);
        var (endpointId, _) = await AddEndpointAsync(receiver.Url);
        await StartThreadAsync("First");
        await DispatchAsync();

        // New threads keep coming and keep failing; a day after the first failure, the endpoint is switched off.
        Fixture.Clock.Advance(TimeSpan.FromHours(23));
        await StartThreadAsync("Second");
        await DispatchAsync();
        Assert.True(await QueryAsync(db => db.WebhookEndpoints.Where(e => e.Id == endpointId).Select(e => e.Enabled).SingleAsync()));

        Fixture.Clock.Advance(TimeSpan.FromHours(1));
        await StartThreadAsync("Third");
        await DispatchAsync();
        var endpoint = await QueryAsync(db => db.WebhookEndpoints.AsNoTracking().SingleAsync(e => e.Id == endpointId));
        Assert.False(endpoint.Enabled);
        Assert.Equal(Fixture.Clock.GetUtcNow(), endpoint.DisabledForFailingAt);
        var told = Assert.Single(await QueryAsync(db => db.Emails.Where(e => e.Purpose == "webhook-disabled").ToListAsync()));
        Assert.Contains($"/admin/webhooks/{endpointId}", told.TextBody, StringComparison.Ordinal);

        // Disabled: nothing more is tried, however long it waits.
        var tried = receiver.All.Count;
        Fixture.Clock.Advance(TimeSpan.FromHours(2));
        await StartThreadAsync("Fourth");
        Assert.Equal(0, (await DispatchAsync()).Claimed);
        Assert.Equal(tried, receiver.All.Count);

        // Enabled again by an admin: the failure record starts over and what waited is sent.
        RunAs(ada, Roles.Admin);
        await SendAsync(new EditWebhookEndpoint.Command { EndpointId = endpointId, Name = "Triage", Url = receiver.Url.ToString(), Events = [.. ConversationEvents], Enabled = true });
        var enabled = await QueryAsync(db => db.WebhookEndpoints.AsNoTracking().SingleAsync(e => e.Id == endpointId));
        Assert.Equal(((DateTimeOffset?)null, (DateTimeOffset?)null), (enabled.FailingSince, enabled.DisabledForFailingAt));
        Assert.Single(await QueryAsync(db => db.Emails.Where(e => e.Purpose == "webhook-disabled").ToListAsync()));
    }

    [Fact]
    public async Task An_admin_can_redeliver_a_delivery_and_send_a_test_ping_but_not_redeliver_another_endpoints()
    {
        using var receiver = WebhookReceiver.Start();
        using var other = WebhookReceiver.Start();
        await CreateSpaceAsync();
        await AdminAsync();
        var (endpointId, secret) = await AddEndpointAsync(receiver.Url);
        var (otherId, _) = await AddEndpointAsync(other.Url, name: "Other");
        await StartThreadAsync();
        await DispatchAsync();
        var first = await receiver.NextAsync();
        var delivery = (await DeliveriesAsync()).Single(d => d.EndpointId == endpointId);

        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new RedeliverWebhook.Command(otherId, delivery.Id)));
        await SendAsync(new RedeliverWebhook.Command(endpointId, delivery.Id));
        await DispatchAsync();
        var again = await receiver.NextAsync();
        Assert.Equal((first.Header("CommunityHub-Event-Id"), first.Body), (again.Header("CommunityHub-Event-Id"), again.Body));
        Assert.Equal(1, (await DeliveriesAsync()).Single(d => d.Id == delivery.Id).Attempts);

        await SendAsync(new SendWebhookPing.Command(endpointId));
        await DispatchAsync();
        var ping = await receiver.NextAsync();
        Assert.Equal("ping", ping.Header("CommunityHub-Event"));
        Assert.True(ping.SignatureVerifies(secret, Fixture.Clock.GetUtcNow()));

        var log = await SendAsync(new GetWebhookEndpoints.OneQuery(endpointId));
        Assert.Equal(["ping", "thread.started"], log.Deliveries.Select(d => d.EventName));
        Assert.All(log.Deliveries, d => Assert.Equal("Delivered", d.Status));
        Assert.Single(other.All);
    }

    [Fact]
    public async Task What_was_sent_is_removed_after_thirty_days_and_a_delivery_still_waiting_is_kept()
    {
        using var receiver = WebhookReceiver.Start();
        using var paused = WebhookReceiver.Start();
        await CreateSpaceAsync();
        await AdminAsync();
        var (endpointId, _) = await AddEndpointAsync(receiver.Url);
        var (pausedId, _) = await AddEndpointAsync(paused.Url, name: "Paused");
        await StartThreadAsync();
        // Fanned out to both; the second endpoint is switched off before its delivery goes, so that one waits for it.
        Assert.Equal(2, await WithDispatcherAsync(dispatcher => dispatcher.FanOutAsync(CancellationToken.None)));
        await SendAsync(new EditWebhookEndpoint.Command { EndpointId = pausedId, Name = "Paused", Url = paused.Url.ToString(), Events = [.. ConversationEvents], Enabled = false });
        Assert.Equal(1, await WithDispatcherAsync(dispatcher => dispatcher.DeliverDueAsync(CancellationToken.None)));
        await receiver.NextAsync();
        var deliveries = await DeliveriesAsync();
        Assert.NotNull(Assert.Single(deliveries, d => d.EndpointId == endpointId).DeliveredAt);
        Assert.Null(Assert.Single(deliveries, d => d.EndpointId == pausedId).DeliveredAt);

        // Within the 30 days (Webhooks:RetainFor) everything stays, for the admin's delivery log and redelivery.
        Fixture.Clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal((0, 0), await WithDispatcherAsync(dispatcher => dispatcher.PruneAsync(CancellationToken.None)));

        // After them, the events (Ada's registration and the thread) and the sent delivery go; the waiting one stays.
        Fixture.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal((2, 1), await WithDispatcherAsync(dispatcher => dispatcher.PruneAsync(CancellationToken.None)));
        Assert.Equal(0, await QueryAsync(db => db.WebhookEvents.CountAsync()));
        Assert.Equal(pausedId, Assert.Single(await DeliveriesAsync()).EndpointId);
    }

    [Fact]
    public async Task Deleting_an_endpoint_removes_its_deliveries_and_an_endpoint_added_later_gets_no_earlier_events()
    {
        using var receiver = WebhookReceiver.Start();
        await CreateSpaceAsync();
        await AdminAsync();
        var (endpointId, _) = await AddEndpointAsync(receiver.Url);
        await StartThreadAsync("Before");
        await DispatchAsync();
        await SendAsync(new DeleteWebhookEndpoint.Command(endpointId));
        Assert.Empty(await DeliveriesAsync());

        await StartThreadAsync("Queued, not fanned out yet");
        Fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        await AddEndpointAsync(receiver.Url, name: "Later");
        await DispatchAsync();
        await Task.Delay(300);
        Assert.Single(receiver.All);
    }

    [Fact]
    public async Task The_demo_community_shows_one_disabled_example_endpoint_that_nothing_is_sent_to()
    {
        await Fixture.UseDemoCommunityAsync();
        var alice = await QueryAsync(db => db.Members.Where(m => m.DisplayName.StartsWith("Alice")).Select(m => m.Id).FirstAsync());
        RunAs(alice);
        var space = await QueryAsync(db => db.Spaces.Where(s => !s.MembersOnly && !s.Access.Any()).OrderBy(s => s.Position).Select(s => s.Slug).FirstAsync());
        await StartThreadAsync("A new thread in the demo", space: space);

        var endpoint = Assert.Single(await QueryAsync(db => db.WebhookEndpoints.AsNoTracking().ToListAsync()));
        Assert.Equal(("http://127.0.0.1:9/", false, WebhookFormat.Slack), (endpoint.Url, endpoint.Enabled, endpoint.Format));
        Assert.Equal((1, 0), await DispatchAsync());
        Assert.Empty(await DeliveriesAsync());
    }

    [Fact]
    public async Task A_flagged_post_is_told_to_internal_endpoints_only_with_the_reason()
    {
        using var outside = WebhookReceiver.Start();
        using var inside = WebhookReceiver.Start();
        await CreateSpaceAsync();
        await AdminAsync();
        await AddEndpointAsync(outside.Url, [WebhookEventTypes.PostFlagged], name: "Outside");
        var (_, secret) = await AddEndpointAsync(inside.Url, [WebhookEventTypes.PostFlagged], isInternal: true, name: "Moderators");
        await RunAsNewAsync("Alice");
        var threadId = await StartThreadAsync("Export?");
        var reply = await ReplyAsync(threadId, "Buy cheap watches");
        await RunAsNewAsync("Bruno");
        await SendAsync(new FlagPost.Command { PostId = reply, Reason = "Spam" });

        await DispatchAsync();

        var flagged = await inside.NextAsync();
        Assert.True(flagged.SignatureVerifies(secret, Fixture.Clock.GetUtcNow()));
        using var json = JsonDocument.Parse(flagged.Body);
        Assert.Equal("post.flagged", json.RootElement.GetProperty("type").GetString());
        var data = json.RootElement.GetProperty("data");
        Assert.Equal(("Spam", reply, "Bruno"), (data.GetProperty("reason").GetString(), data.GetProperty("post").GetProperty("id").GetInt64(),
            data.GetProperty("flagged_by").GetProperty("name").GetString()));
        await Task.Delay(300);
        Assert.Empty(outside.All);
    }

    [Fact]
    public async Task An_event_the_form_does_not_offer_is_refused()
    {
        await AdminAsync();
        var refused = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(new AddWebhookEndpoint.Command
        {
            Name = "Registrations", Url = "https://hooks.example.com/", Events = [WebhookEventTypes.MemberRegistered, (WebhookEventTypes)64],
        }));
        Assert.Equal("That is not one of the events.", Assert.Single(refused.Errors).ErrorMessage);
    }

    private Task<List<WebhookEvent>> RegistrationEventsAsync() =>
        QueryAsync(db => db.WebhookEvents.AsNoTracking().Where(e => e.Type == WebhookEventTypes.MemberRegistered).OrderBy(e => e.OccurredAt).ToListAsync());

    [Fact]
    public async Task Registering_queues_one_member_registered_event_with_the_public_profile_and_never_the_address()
    {
        RunAsAnonymous();
        var id = await SendAsync(new Application.Members.RegisterMember.Command { DisplayName = "Grace Hopper", Email = "grace.hopper@example.com", Password = "correct horse battery" });

        var queued = Assert.Single(await RegistrationEventsAsync());
        Assert.Equal((TestClock.Start, (int?)null, (long?)null, false, (DateTimeOffset?)null),
            (queued.OccurredAt, queued.SpaceId, queued.PostId, queued.InternalOnly, queued.FannedOutAt));
        using var data = JsonDocument.Parse(queued.Data);
        var member = data.RootElement.GetProperty("member");
        Assert.Equal((id, "Grace Hopper", "grace-hopper", "http://127.0.0.1:5080/members/grace-hopper", TestClock.Start),
            (member.GetProperty("id").GetGuid(), member.GetProperty("name").GetString(), member.GetProperty("handle").GetString(),
                member.GetProperty("url").GetString(), member.GetProperty("joined_at").GetDateTimeOffset()));
        var registration = data.RootElement.GetProperty("registration");
        Assert.Equal(("password", JsonValueKind.Null, false), (registration.GetProperty("method").GetString(), registration.GetProperty("provider").ValueKind,
            registration.GetProperty("via_invite").GetBoolean()));
        Assert.DoesNotContain("grace.hopper@", queued.Data, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@", queued.Summary, StringComparison.Ordinal);
        Assert.Equal("<http://127.0.0.1:5080/members/grace-hopper|Grace Hopper> joined the community", queued.Summary);
    }

    [Fact]
    public async Task A_registration_through_an_invite_link_says_so_and_not_whose_invite_it_was()
    {
        await AdminAsync();
        var invite = await SendAsync(new Application.Registration.CreateInvite.Command { Note = "Partners of Ada" });
        var code = await QueryAsync(db => db.Invites.Where(i => i.Id == invite).Select(i => i.Code).SingleAsync());
        RunAsAnonymous();
        var grace = await SendAsync(new Application.Members.RegisterMember.Command { DisplayName = "Grace", Email = "grace@example.com", Password = "correct horse battery", InviteCode = code });

        var queued = (await RegistrationEventsAsync()).Single(e => e.Data.Contains(grace.ToString(), StringComparison.Ordinal));
        using var data = JsonDocument.Parse(queued.Data);
        Assert.True(data.RootElement.GetProperty("registration").GetProperty("via_invite").GetBoolean());
        Assert.DoesNotContain("Partners", queued.Data, StringComparison.Ordinal);
        Assert.DoesNotContain("Ada", queued.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registration_that_fails_queues_nothing()
    {
        RunAsAnonymous();
        await SendAsync(new Application.Members.RegisterMember.Command { DisplayName = "Grace", Email = "grace@example.com", Password = "correct horse battery" });
        await Assert.ThrowsAsync<ValidationException>(() => SendAsync(new Application.Members.RegisterMember.Command { DisplayName = "Grace again", Email = "grace@example.com", Password = "correct horse battery" }));

        Assert.Single(await RegistrationEventsAsync());
    }

    [Fact]
    public async Task A_service_tokens_bot_is_not_a_registration_and_queues_no_member_registered_event()
    {
        var admin = await AdminAsync();
        var made = await SendAsync(new Application.ApiTokens.CreateServiceToken.Command { BotName = "Release bot", Name = "CI", Scopes = ["read", "write"] });

        var bot = await QueryAsync(db => db.ApiTokens.Where(t => t.Id == made.Id).Select(t => t.MemberId).SingleAsync());
        var queued = Assert.Single(await RegistrationEventsAsync()); // Ada's own, when she registered
        Assert.Contains(admin.ToString(), queued.Data, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.ToString(), queued.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_registered_event_reaches_the_endpoints_that_chose_it_outside_any_space_and_no_other()
    {
        using var chose = WebhookReceiver.Start();
        using var slack = WebhookReceiver.Start();
        using var threadsOnly = WebhookReceiver.Start();
        await AdminAsync();
        Fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        var (_, secret) = await AddEndpointAsync(chose.Url, [WebhookEventTypes.MemberRegistered], name: "CRM");
        await AddEndpointAsync(slack.Url, [WebhookEventTypes.MemberRegistered], format: WebhookFormat.Slack, name: "Welcome channel");
        await AddEndpointAsync(threadsOnly.Url, [.. ConversationEvents, WebhookEventTypes.PostFlagged], isInternal: true, name: "Internal, threads only");
        var grace = await RunAsNewAsync("Grace Hopper");

        await DispatchAsync();

        var got = await chose.NextAsync();
        Assert.True(got.SignatureVerifies(secret, Fixture.Clock.GetUtcNow()));
        Assert.Equal("member.registered", got.Header("CommunityHub-Event"));
        using var json = JsonDocument.Parse(got.Body);
        Assert.Equal("member.registered", json.RootElement.GetProperty("type").GetString());
        Assert.Equal(grace, json.RootElement.GetProperty("data").GetProperty("member").GetProperty("id").GetGuid());
        using var message = JsonDocument.Parse((await slack.NextAsync()).Body);
        Assert.Equal("<http://127.0.0.1:5080/members/grace-hopper|Grace Hopper> joined the community", message.RootElement.GetProperty("text").GetString());
        await Task.Delay(300);
        Assert.Single(chose.All); // not Ada's: she registered before the endpoint existed
        Assert.Empty(threadsOnly.All);
    }

    [Fact]
    public async Task An_accepted_answer_and_an_ideas_new_status_reach_the_endpoints_that_chose_them()
    {
        using var receiver = WebhookReceiver.Start();
        await CreateSpaceAsync();
        var ideas = await CreateSpaceAsync("ideas", "Ideas", 2);
        await AdminAsync();
        await SendAsync(new Application.Ideas.MakeIdeasSpace.Command { SpaceId = ideas.Id, Ideas = true });
        await AddEndpointAsync(receiver.Url, [WebhookEventTypes.AnswerAccepted, WebhookEventTypes.IdeaStatusChanged]);
        var alice = await RunAsNewAsync("Alice");
        var question = await StartThreadAsync("How do I export?");
        var idea = await StartThreadAsync("Dark mode", "Please.", space: "ideas");
        await RunAsNewAsync("Bruno");
        var answer = await ReplyAsync(question, "Settings, then Export.");
        RunAs(alice);
        await SendAsync(new Application.Reciprocity.AcceptAnswer.Command { ThreadId = question, PostId = answer });
        await RunAsNewAsync("Sam", Roles.Staff);
        await SendAsync(new Application.Ideas.SetIdeaStatus.Command { ThreadId = idea, Status = "planned", Note = "Next quarter." });

        await DispatchAsync();

        var bodies = new[] { await receiver.NextAsync(), await receiver.NextAsync() }.ToDictionary(r => r.Header("CommunityHub-Event")!, r => JsonDocument.Parse(r.Body).RootElement.GetProperty("data"));
        var accepted = bodies["answer.accepted"];
        Assert.Equal((answer, "Bruno", "Alice"), (accepted.GetProperty("answer").GetProperty("id").GetInt64(),
            accepted.GetProperty("answer").GetProperty("author").GetProperty("name").GetString(), accepted.GetProperty("accepted_by").GetProperty("name").GetString()));
        var status = bodies["idea.status_changed"];
        Assert.Equal((idea, "Planned", "Next quarter."), (status.GetProperty("idea").GetProperty("id").GetInt64(), status.GetProperty("to").GetString(), status.GetProperty("note").GetString()));
        await Task.Delay(300);
        Assert.Equal(2, receiver.All.Count); // not the threads or the reply: not chosen
    }
}
