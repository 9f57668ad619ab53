using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Testcontainers.PostgreSql;

namespace CommunityHub.Testing;

/// <summary>One PostgreSQL server for a whole test run, found in this order: an existing server named by
/// the environment variable <c>COMMUNITYHUB_TEST_POSTGRES</c> (a connection string whose user may create
/// databases); a Testcontainers container where Docker answers; else a throwaway cluster from the
/// PostgreSQL binaries on this machine, started as the <c>postgres</c> user when the tests run as root.</summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string EnvironmentVariable = "COMMUNITYHUB_TEST_POSTGRES";

    private readonly Func<Task> _stop;
    private readonly LocalCluster? _cluster;

    private PostgresServer(string connectionString, string description, Func<Task> stop, LocalCluster? cluster = null)
    {
        ConnectionString = connectionString;
        Description = description;
        _stop = stop;
        _cluster = cluster;
    }

    /// <summary>Connects to the server's maintenance database.</summary>
    public string ConnectionString { get; }

    public string Description { get; }

    /// <summary>True for a server the tests started (a container or a cluster), which goes whole when disposed;
    /// false for the one named by <see cref="EnvironmentVariable"/>, which outlives the run.</summary>
    public bool IsThrowaway { get; private init; } = true;

    public static async Task<PostgresServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } existing)
        {
            return new PostgresServer(existing, "the server named by " + EnvironmentVariable, () => Task.CompletedTask) { IsThrowaway = false };
        }

        var container = await TryStartContainerAsync();
        if (container is not null)
        {
            return new PostgresServer(container.GetConnectionString(), "a Testcontainers container", () => container.DisposeAsync().AsTask());
        }

        return await StartLocalClusterAsync();
    }

    /// <summary>A throwaway cluster of its own from the PostgreSQL binaries, whatever <see cref="StartAsync"/> would pick:
    /// one a test may stop and start (<see cref="StopServerAsync"/>, <see cref="StartServerAsync"/>) to play an outage.</summary>
    public static Task<PostgresServer> StartDedicatedClusterAsync() => StartLocalClusterAsync();

    /// <summary>Stops the dedicated cluster as an administrator would (fast shutdown: sessions are cut), keeping its data.</summary>
    public Task StopServerAsync() => RunAsync(Cluster.PgCtl, ["-D", Cluster.Data, "-m", "fast", "-w", "-t", "60", "stop"], Cluster.AsRoot);

    /// <summary>Starts the dedicated cluster again on the same port.</summary>
    public Task StartServerAsync() => RunAsync(Cluster.PgCtl, Cluster.StartArguments, Cluster.AsRoot);

    private LocalCluster Cluster => _cluster ?? throw new InvalidOperationException("Only a dedicated cluster (StartDedicatedClusterAsync) can be stopped and started.");

    /// <summary>A fresh, empty database on this server; drops one of the same name left by an earlier run.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name, IncludeErrorDetail = true }.ConnectionString;
    }

    public async ValueTask DisposeAsync() => await _stop();

    private static async Task<PostgreSqlContainer?> TryStartContainerAsync()
    {
        try
        {
            var container = new PostgreSqlBuilder("postgres:17-alpine").Build();
            await container.StartAsync();
            return container;
        }
#pragma warning disable CA1031 // Any failure here (no Docker engine, above all) means: use the next source.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    private static async Task<PostgresServer> StartLocalClusterAsync()
    {
        var bin = FindBinaries()
            ?? throw new InvalidOperationException(
                $"No PostgreSQL for the tests: set {EnvironmentVariable}, run Docker, or install PostgreSQL (apt-get install postgresql).");
        var asRoot = Environment.UserName == "root";
        var directory = Path.Combine(Path.GetTempPath(), "communityhub-test-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        if (asRoot)
        {
            await RunAsync("chown", ["postgres:postgres", directory], asDatabaseUser: false);
        }

        var data = Path.Combine(directory, "data");
        var port = FreePort();
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale"], asRoot);
        // A cluster that lives for one test run: durability switched off for speed.
        var cluster = new LocalCluster(Path.Combine(bin, "pg_ctl"), data, asRoot,
        [
            "-D", data, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60", "start", "-o",
            $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
        ]);
        await RunAsync(cluster.PgCtl, cluster.StartArguments, asRoot);

        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Database = "postgres",
        }.ConnectionString;

        async Task Stop()
        {
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                await RunAsync(cluster.PgCtl, ["-D", data, "-m", "immediate", "-w", "stop"], asRoot);
            }

            Directory.Delete(directory, recursive: true);
        }

        return new PostgresServer(connectionString, $"a local cluster in {directory}", Stop, cluster);
    }

    private sealed record LocalCluster(string PgCtl, string Data, bool AsRoot, IReadOnlyList<string> StartArguments);

    private static string? FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root)
            .Select(version => Path.Combine(version, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
            .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asDatabaseUser)
    {
        var start = new ProcessStartInfo(asDatabaseUser ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asDatabaseUser)
        {
            foreach (var prefix in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}
