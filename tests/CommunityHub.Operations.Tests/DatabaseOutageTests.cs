using System.Diagnostics;
using System.Net;
using CommunityHub.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CommunityHub.Operations.Tests;

/// <summary>PostgreSQL goes away under a running app and comes back: a cluster of the test's own, which it may stop.</summary>
[Collection(OperationsTests.Name)]
public sealed class DatabaseOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task While_PostgreSQL_is_down_pages_answer_a_friendly_503_and_the_app_recovers_without_a_restart()
    {
        await using var server = await PostgresServer.StartDedicatedClusterAsync();
        var database = await server.CreateDatabaseAsync("communityhub_operations_outage");
        await using var app = await AppProcess.StartAsync("outage", database);
        await OperationsFixture.CreateSpaceAsync(database);
        using var member = app.NewVisitor();
        await member.RegisterAsync("Alice");
        using var visitor = app.NewVisitor();
        using (var started = await member.SubmitAsync("/s/questions/new", new Dictionary<string, string> { ["Input.Title"] = "Before the outage", ["Input.Body"] = "All is well." }))
        {
            Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        }

        var thread = (await OperationsFixture.DbAsync(database, db => db.Threads.Select(t => t.Id).SingleAsync())).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var threadUrl = $"/s/questions/t/{thread}";
        var reply = await member.FillAsync(threadUrl, new Dictionary<string, string> { ["Input.Body"] = "Written during the outage" }, "#reply-form form");
        using (var ready = await visitor.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        var processId = app.ProcessId;
        await server.StopServerAsync();
        var outage = Stopwatch.StartNew();

        // All at once: each waits out the database retries before it answers.
        var home = visitor.GetAsync("/");
        var threadPage = member.GetAsync(threadUrl);
        var posted = member.PostAsync(reply);
        var ready503 = visitor.GetAsync("/health/ready");
        var live = visitor.GetAsync("/health");
        foreach (var (what, response) in new[] { ("the home page", await home), ("a thread, signed in", await threadPage), ("a reply", await posted) })
        {
            using (response)
            {
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{what} answered {(int)response.StatusCode}:\n{body}\n{app.Output}");
                Assert.Contains("right back", body, StringComparison.Ordinal);
                Assert.Contains("Error 503", body, StringComparison.Ordinal);
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"{what} has no Retry-After");
                foreach (var leak in new[] { "Exception", "Npgsql", "   at ", "127.0.0.1:" })
                {
                    Assert.DoesNotContain(leak, body, StringComparison.OrdinalIgnoreCase);
                }
            }
        }

        using (var ready = await ready503)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }

        using (var alive = await live)
        {
            // Liveness: a database outage must not make an orchestrator restart a healthy process.
            Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        }

        output.WriteLine($"Answered everything during the outage within {outage.Elapsed.TotalSeconds:0.0} s.");
        // The log says what the clients got.
        Assert.NotEmpty(app.PrintedLines("responded 503"));
        Assert.Empty(app.PrintedLines("responded 500"));
        Assert.False(app.HasExited, app.Output);

        await server.StartServerAsync();
        var recovery = Stopwatch.StartNew();
        while (true)
        {
            using var response = await visitor.GetAsync("/");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                break;
            }

            Assert.True(recovery.Elapsed < RecoveryLimit, $"still {(int)response.StatusCode} {recovery.Elapsed.TotalSeconds:0} s after PostgreSQL came back:\n{app.Output}");
            await Task.Delay(250);
        }

        output.WriteLine($"Pages answered 200 again {recovery.Elapsed.TotalSeconds:0.0} s after PostgreSQL came back.");
        using (var ready = await visitor.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        using (var page = await member.GetAsync(threadUrl))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Signed in as", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(1, await OperationsFixture.DbAsync(database, db => db.Posts.CountAsync()));
        Assert.Equal(processId, app.ProcessId); // The same process served before, during and after: never restarted.
    }
}
