using System.Net;
using System.Net.Sockets;
using CommunityHub.Testing;
using Xunit.Abstractions;

namespace CommunityHub.Operations.Tests;

/// <summary>Started before its database (as compose and orchestrators do), the app waits for it with a bounded
/// backoff and says so; it gives up clearly when the wait is over or cannot succeed.</summary>
[Collection(OperationsTests.Name)]
public sealed class StartupTests(OperationsFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Started_before_PostgreSQL_the_app_waits_for_it_and_comes_up_when_it_is_there()
    {
        await using var server = await PostgresServer.StartDedicatedClusterAsync();
        var database = await server.CreateDatabaseAsync("communityhub_operations_startup");
        await server.StopServerAsync();
        await using var app = AppProcess.NotStarted("early", database);

        var starting = app.StartAsync();
        await WaitUntilAsync(() => app.PrintedLines("Waiting for the database").Count >= 2 || starting.IsCompleted, TimeSpan.FromSeconds(60));
        Assert.False(starting.IsCompleted, $"the app did not wait:\n{app.Output}");
        Assert.False(app.HasExited, app.Output);
        output.WriteLine(app.PrintedLines("Waiting for the database")[0]);

        await server.StartServerAsync();
        await starting;

        using var visitor = app.NewVisitor();
        using var ready = await visitor.GetAsync("/health/ready");
        using var home = await visitor.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var line = app.PrintedLines("Waiting for the database")[0];
        Assert.Contains($":{new Npgsql.NpgsqlConnectionStringBuilder(database).Port}/communityhub_operations_startup", line, StringComparison.Ordinal);
        Assert.Contains("giving up after", line, StringComparison.Ordinal);
        Assert.Empty(app.PrintedLines("   at ")); // no stack trace for an expected wait
    }

    [Fact]
    public async Task Without_a_database_the_app_gives_up_after_its_bound_and_exits_1_saying_why()
    {
        var nothingListens = $"Host=127.0.0.1;Port={FreePort()};Database=communityhub;Username=postgres;Timeout=2";
        await using var app = AppProcess.NotStarted("no-database", nothingListens, new Dictionary<string, string> { ["Startup__DatabaseWait"] = "00:00:04" });

        var failed = await Assert.ThrowsAsync<InvalidOperationException>(app.StartAsync);

        Assert.Contains("exited with 1", failed.Message, StringComparison.Ordinal);
        Assert.Equal(1, app.ExitCode);
        Assert.NotEmpty(app.PrintedLines("Waiting for the database"));
        Assert.Single(app.PrintedLines("Gave up waiting for the database"));
        Assert.Empty(app.PrintedLines("   at "));
    }

    [Fact]
    public async Task A_database_that_does_not_exist_is_not_waited_for()
    {
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(fixture.Server.ConnectionString) { Database = "communityhub_no_such_database" };
        await using var app = AppProcess.NotStarted("missing-database", connection.ConnectionString);

        var failed = await Assert.ThrowsAsync<InvalidOperationException>(app.StartAsync);

        Assert.Contains("exited with 1", failed.Message, StringComparison.Ordinal);
        Assert.Empty(app.PrintedLines("Waiting for the database"));
        Assert.Single(app.PrintedLines("Cannot use the database"));
    }

    [Fact]
    public async Task An_instance_waits_as_long_as_another_takes_to_bring_the_database_up_to_date()
    {
        var database = await fixture.NewDatabaseAsync("startup_turns");
        // The other instance, as far as the lock says: it holds the initialization lock for longer than the
        // command timeout (2 s here, 30 s by default), as seeding the demo on a busy machine did.
        // Unpooled: closing it ends the session, and the lock with it, as when the other instance finishes or dies.
        await using var other = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(database) { Pooling = false }.ConnectionString);
        await other.OpenAsync();
        await using (var take = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_lock({CommunityHub.Infrastructure.Persistence.DatabaseInitializer.InitializationLock})", other))
        {
            await take.ExecuteNonQueryAsync();
        }

        var shortTimeout = new Npgsql.NpgsqlConnectionStringBuilder(database) { CommandTimeout = 2 }.ConnectionString;
        await using var app = AppProcess.NotStarted("second", shortTimeout, new Dictionary<string, string> { ["Serilog__MinimumLevel__Default"] = "Information" });
        var starting = app.StartAsync();
        await WaitUntilAsync(() => app.PrintedLines("Another instance is bringing the database up to date").Count > 0 || starting.IsCompleted, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(5)); // beyond the command timeout
        Assert.False(starting.IsCompleted, $"the app did not wait:\n{app.Output}");
        Assert.False(app.HasExited, app.Output);

        await other.CloseAsync();
        await starting;

        using var visitor = app.NewVisitor();
        using var home = await visitor.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!condition())
        {
            await Task.Delay(100, deadline.Token);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
