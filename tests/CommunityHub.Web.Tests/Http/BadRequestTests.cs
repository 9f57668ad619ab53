using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using CommunityHub.Domain.Members;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Serilog.Core;
using Serilog.Events;

namespace CommunityHub.Web.Tests.Http;

/// <summary>Requests no page or form of ours produces (a method a page does not have, a checkbox that says
/// "abc"), a database outage and a client that hangs up: each gets, and is logged as, what the client got — a
/// 4xx, a 503 or a 499 — never a 500 or a stack trace in the log.</summary>
public sealed class BadRequestTests(WebFixture fixture) : WebTest(fixture)
{
    private const string HangUpHeader = "X-Test-Hang-Up";
    private const string OutageHeader = "X-Test-Database-Outage";

    /// <summary>Every page, with the methods it answers. The others must be refused with 405.</summary>
    private static readonly (string Url, string Allow)[] Pages =
    [
        ("/", "GET, HEAD"),
        ("/search", "GET, HEAD"),
        ("/values", "GET, HEAD"),
        ("/s/questions", "GET, HEAD"),
        ("/s/questions/new", "GET, HEAD, POST"),
        ("/s/questions/t/{thread}", "GET, HEAD, POST"),
        ("/members/{handle}", "GET, HEAD"),
        ("/members/{handle}/ties/{other}", "GET, HEAD"),
        ("/notifications", "GET, HEAD"),
        ("/notifications/settings", "GET, HEAD, POST"),
        ("/staff/dashboard", "GET, HEAD"),
        ("/account/standing", "GET, HEAD"),
        ("/account/data", "GET, HEAD"),
        ("/account/data/download", "GET, HEAD"),
        ("/account/data/delete", "GET, HEAD, POST"),
        ("/account/confirm-email", "GET, HEAD"),
        ("/account/reset-password", "GET, HEAD, POST"),
        ("/account/forgot-password", "GET, HEAD, POST"),
        ("/account/register", "GET, HEAD, POST"),
        ("/account/sign-in", "GET, HEAD, POST"),
        ("/account/sign-out", "GET, HEAD, POST"),
        ("/admin/spaces", "GET, HEAD, POST"),
        ("/admin/spaces/new", "GET, HEAD, POST"),
        ("/admin/spaces/{space}/edit", "GET, HEAD, POST"),
        ("/admin/values", "GET, HEAD, POST"),
        ("/moderation", "GET, HEAD, POST"),
        ("/moderation/log", "GET, HEAD"),
        ("/moderation/members", "GET, HEAD"),
        ("/moderation/members/{member}", "GET, HEAD"),
        ("/moderation/members/{member}?handler=sanction", "GET, HEAD, POST"),
        ("/moderation/threads/{thread}", "GET, HEAD"),
        ("/moderation/threads/{thread}?handler=change", "GET, HEAD, POST"),
        ("/posts/{post}/actions", "GET, HEAD"),
        ("/posts/{post}/edit", "GET, HEAD, POST"),
        ("/posts/{post}/flag", "GET, HEAD, POST"),
        ("/posts/{post}/hide", "GET, HEAD, POST"),
        ("/posts/{post}/history", "GET, HEAD"),
        ("/error/404", "GET, HEAD"),
    ];

    [Fact]
    public async Task Every_bad_request_gets_its_4xx_and_the_log_holds_no_500_and_no_stack_trace()
    {
        var log = new CapturingSink();
        await using var app = AppLoggingTo(log);
        var (admin, urls) = await StageAsync(app);
        var token = await FormTokenAsync(admin);
        var answered = new List<string>();

        foreach (var (pattern, allow) in Pages)
        {
            var url = urls(pattern);
            foreach (var method in new[] { "TRACE", "PUT", "DELETE", "PATCH", "OPTIONS", "POST" })
            {
                if (allow.Split(", ").Contains(method))
                {
                    continue;
                }

                // With a valid form token: the refusal is about the method, not about a forged form.
                using var request = new HttpRequestMessage(new HttpMethod(method), url)
                {
                    Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
                };
                using var response = await admin.SendAsync(request);

                Assert.True(response.StatusCode == HttpStatusCode.MethodNotAllowed, $"{method} {url} answered {(int)response.StatusCode}");
                Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
                Assert.Equal("That doesn't work here", (await ParseAsync(response)).QuerySelector(".error-page h1")?.TextContent);
                answered.Add($"{method} {url}");
            }
        }

        Assert.True(answered.Count > 150, $"only {answered.Count} requests sent");
        Assert.Contains("TRACE /search", answered);
        Assert.Contains("POST /staff/dashboard", answered);

        // HEAD is GET without the body; a page's own methods still work.
        using (var head = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/search")))
        {
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        }

        await AssertMalformedFormValuesAreRefusedAsync(app, admin, urls);

        var requests = log.Requests();
        Assert.True(requests.Count > answered.Count, "every request is logged");
        Assert.DoesNotContain(requests, e => e.StatusCode >= 500);
        Assert.All(log.Events, e => Assert.True(e.Level < LogEventLevel.Error && e.Exception is null, CapturingSink.Describe(e)));
    }

    private static async Task AssertMalformedFormValuesAreRefusedAsync(WebApplicationFactory<Program> app, HttpClient staff, Func<string, string> urls)
    {
        // Signing in with a checkbox that says "abc": refused, and nobody is signed in.
        using var visitor = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using (var signIn = await SubmitFormAsync(visitor, "/account/sign-in", new Dictionary<string, string>
               {
                   ["Input.Email"] = EmailOf("Bruno"),
                   ["Input.Password"] = Password,
                   ["Input.RememberMe"] = "abc",
               }))
        {
            await AssertBadRequestPageAsync(signIn);
        }

        Assert.DoesNotContain("Signed in as", await visitor.GetStringAsync("/"), StringComparison.Ordinal);

        // Deleting the account with a confirmation that says "abc": refused, the account stays.
        var bruno = await SignInAsync(app, "Bruno");
        using (var delete = await SubmitFormAsync(bruno, "/account/data", new Dictionary<string, string> { ["Input.Password"] = Password },
                   formSelector: "form[action='/account/data/delete']", extra: new Dictionary<string, string> { ["Input.Confirm"] = "abc" }))
        {
            await AssertBadRequestPageAsync(delete);
        }

        Assert.Contains("Signed in as", await bruno.GetStringAsync("/"), StringComparison.Ordinal);

        // A staff note whose box says "abc": refused, not posted as a public reply with the box's default.
        var thread = urls("/s/questions/t/{thread}");
        var repliesBefore = await CountRepliesAsync(app);
        using (var reply = await SubmitFormAsync(staff, thread, new Dictionary<string, string> { ["Input.Body"] = "For staff eyes only", ["Input.IsStaffNote"] = "abc" }, "#reply-form form"))
        {
            await AssertBadRequestPageAsync(reply);
        }

        // An id that is not a number, on a hidden field.
        using (var reply = await SubmitFormAsync(staff, thread, new Dictionary<string, string> { ["Input.Body"] = "A reply to something", ["Input.InReplyToPostId"] = "abc" }, "#reply-form form"))
        {
            await AssertBadRequestPageAsync(reply);
        }

        Assert.Equal(repliesBefore, await CountRepliesAsync(app));

        // The forms themselves still work with what a browser sends (the checkbox and its hidden "false").
        using (var note = await SubmitFormAsync(staff, thread, new Dictionary<string, string> { ["Input.Body"] = "For staff eyes only", ["Input.IsStaffNote"] = "true" }, "#reply-form form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, note.StatusCode);
        }

        Assert.Equal(repliesBefore + 1, await CountRepliesAsync(app));
    }

    [Fact]
    public async Task A_malformed_query_value_is_ignored_as_before_and_is_not_a_bad_request()
    {
        var (member, urls) = await StageAsync(Fixture.App);

        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/search?q=export&page=abc")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(urls("/s/questions/t/{thread}") + "?before=abc")).StatusCode);
    }

    [Fact]
    public async Task A_client_that_hangs_up_is_logged_as_499_at_information_without_a_stack_trace()
    {
        var log = new CapturingSink();
        var hang = new HangingReader();
        await using var app = AppLoggingTo(log, hang);
        using var visitor = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var hangUp = new CancellationTokenSource();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add(HangUpHeader, "yes");

        var sent = visitor.SendAsync(request, hangUp.Token);
        await hang.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await hangUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sent);

        var line = await log.WaitForRequestAsync("/", TimeSpan.FromSeconds(30));
        Assert.Equal(499, line.StatusCode);
        Assert.Equal(LogEventLevel.Information, line.Event.Level);
        Assert.True(hang.Cancelled, "the page's query was cancelled with the request");
        Assert.All(log.Events, e => Assert.True(e.Level < LogEventLevel.Error && e.Exception is null, CapturingSink.Describe(e)));
        Assert.All(log.Events.Where(e => e.Properties.ContainsKey("RequestId")), e => Assert.True(e.Level < LogEventLevel.Warning, CapturingSink.Describe(e)));
    }

    [Fact]
    public async Task A_request_that_finds_the_database_away_is_logged_as_the_503_the_client_got()
    {
        var log = new CapturingSink();
        await using var app = AppLoggingTo(log);
        using var visitor = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/values");
        request.Headers.Add(OutageHeader, "yes");

        using var response = await visitor.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var line = await log.WaitForRequestAsync("/values", TimeSpan.FromSeconds(10));
        Assert.Equal(503, line.StatusCode);
        Assert.DoesNotContain(log.Requests(), e => e.StatusCode == 500);
    }

    [Fact]
    public async Task Each_app_in_a_process_logs_its_requests_to_its_own_log()
    {
        var first = new CapturingSink();
        var second = new CapturingSink();
        await using var one = AppLoggingTo(first);
        using var visitor = one.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        // Built after the first: Serilog's static logger is now the second app's.
        await using var other = AppLoggingTo(second);
        using (other.CreateClient())
        {
        }

        using var response = await visitor.GetAsync("/values");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(200, (await first.WaitForRequestAsync("/values", TimeSpan.FromSeconds(10))).StatusCode);
        Assert.DoesNotContain(second.Requests(), r => r.Path == "/values");
    }

    [Fact]
    public async Task Responses_do_not_name_the_server()
    {
        var (_, address) = Fixture.BrowserApp();
        using var client = new HttpClient { BaseAddress = address };

        using var page = await client.GetAsync("/");
        using var missing = await client.GetAsync("/no/such/page");
        using var file = await client.GetAsync("/css/site.css");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Empty(page.Headers.Server);
        Assert.Empty(missing.Headers.Server);
        Assert.Empty(file.Headers.Server);
    }

    /// <summary>The app with the test's log sink (at Information), a page filter playing a database outage for
    /// requests that ask for one, and optionally a query that waits for its request to be cancelled.</summary>
    private WebApplicationFactory<Program> AppLoggingTo(CapturingSink log, HangingReader? hang = null) =>
        Fixture.App.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Serilog:MinimumLevel:Default", "Information");
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<ILogEventSink>(log);
                services.PostConfigure<MvcOptions>(options => options.Filters.Add(new OutageFilter()));
                if (hang is not null)
                {
                    services.AddSingleton<IInterceptor>(provider => hang.For(provider.GetRequiredService<IHttpContextAccessor>()));
                }
            });
        });

    /// <summary>A thread with a reply, an admin who is also staff and a moderator (so every page lets them in), and a
    /// member, Bruno; returns the admin's client and a function filling a page pattern's placeholders.</summary>
    private async Task<(HttpClient Admin, Func<string, string> Urls)> StageAsync(WebApplicationFactory<Program> app)
    {
        var space = await CreateSpaceAsync();
        using (await NewMemberAsync(NewClient(app), "Bruno"))
        {
        }

        using (await NewMemberAsync(NewClient(app), "Ada"))
        {
        }

        await Fixture.GrantAsync("Ada", [Roles.Admin, Roles.Moderator, Roles.Staff]);
        var admin = await SignInAsync(app, "Ada");
        var thread = await StartThreadAsync(admin);
        using (var reply = await ReplyAsync(admin, thread, "A first reply"))
        {
            Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        }

        var threadId = thread.Split('/').Last();
        var post = await DbAsync(db => db.Posts.Where(p => !p.IsOpeningPost).Select(p => p.Id).SingleAsync());
        var members = await DbAsync(db => db.Members.ToDictionaryAsync(m => m.DisplayName, m => (m.Id, m.Handle)));
        return (admin, pattern => pattern
            .Replace("{thread}", threadId, StringComparison.Ordinal)
            .Replace("{post}", post.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{space}", space.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{handle}", members["Ada"].Handle, StringComparison.Ordinal)
            .Replace("{other}", members["Bruno"].Handle, StringComparison.Ordinal)
            .Replace("{member}", members["Bruno"].Id.ToString(), StringComparison.Ordinal));
    }

    private static HttpClient NewClient(WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> app, string displayName)
    {
        var client = NewClient(app);
        using var signedIn = await SubmitFormAsync(client, "/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = EmailOf(displayName), ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }

    /// <summary>A signed-in member's form token (the header's sign-out form carries one on every page).</summary>
    private static async Task<string> FormTokenAsync(HttpClient member) =>
        (await GetPageAsync(member, "/values")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private static async Task AssertBadRequestPageAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("That request did not make sense", (await ParseAsync(response)).QuerySelector(".error-page h1")?.TextContent);
    }

    private static async Task<int> CountRepliesAsync(WebApplicationFactory<Program> app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CommunityHub.Infrastructure.Persistence.CommunityDbContext>().Posts.CountAsync(p => !p.IsOpeningPost);
    }

    /// <summary>What PostgreSQL going away looks like to a page (Npgsql failing to connect), for requests that ask.</summary>
    private sealed class OutageFilter : IPageFilter
    {
        public void OnPageHandlerSelected(PageHandlerSelectedContext context)
        {
            // Not on the error page that shows the 503 (the exception handler re-executes the request there).
            if (context.HttpContext.Request.Headers.ContainsKey(OutageHeader) && context.HttpContext.Features.Get<IExceptionHandlerFeature>() is null)
            {
                throw new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));
            }
        }

        public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
        {
        }

        public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
        {
        }
    }

    /// <summary>A query that takes until its request is cancelled (at most 30 s), for requests that ask.</summary>
    private sealed class HangingReader
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Cancelled { get; private set; }

        public IInterceptor For(IHttpContextAccessor requests) => new Interceptor(this, requests);

        private sealed class Interceptor(HangingReader owner, IHttpContextAccessor requests) : DbCommandInterceptor
        {
            public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
                DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
            {
                if (requests.HttpContext?.Request.Headers.ContainsKey(HangUpHeader) == true)
                {
                    owner.Entered.TrySetResult();
                    try
                    {
                        await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
                    }
                    catch (OperationCanceledException)
                    {
                        owner.Cancelled = true;
                        throw;
                    }
                }

                return result;
            }
        }
    }

    internal sealed class CapturingSink : ILogEventSink
    {
        public ConcurrentQueue<LogEvent> Events { get; } = new();

        public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);

        /// <summary>The one line per request that the request logging writes.</summary>
        public List<(LogEvent Event, string Path, int StatusCode)> Requests() =>
            [.. Events
                .Where(e => e.Properties.ContainsKey("StatusCode") && e.Properties.ContainsKey("RequestPath"))
                .Select(e => (e, ((ScalarValue)e.Properties["RequestPath"]).Value?.ToString() ?? string.Empty,
                    Convert.ToInt32(((ScalarValue)e.Properties["StatusCode"]).Value, CultureInfo.InvariantCulture)))];

        public async Task<(LogEvent Event, string Path, int StatusCode)> WaitForRequestAsync(string path, TimeSpan timeout)
        {
            using var deadline = new CancellationTokenSource(timeout);
            while (true)
            {
                var found = Requests().Where(r => r.Path == path).ToList();
                if (found.Count > 0)
                {
                    return found[0];
                }

                await Task.Delay(50, deadline.Token);
            }
        }

        public static string Describe(LogEvent e) =>
            $"{e.Level}: {e.RenderMessage(CultureInfo.InvariantCulture)}\n{e.Exception}";
    }
}
