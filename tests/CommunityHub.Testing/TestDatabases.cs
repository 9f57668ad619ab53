using System.Collections.Concurrent;
using Npgsql;

namespace CommunityHub.Testing;

/// <summary>The test run's PostgreSQL server (<see cref="PostgresServer.StartAsync"/>, started on first use and
/// stopped when the run ends: <see cref="TestRun"/>) and the databases on it. Test classes run in parallel, each on a database of
/// its own: <see cref="CloneAsync"/> copies a template with <c>CREATE DATABASE ... TEMPLATE</c>, which takes a
/// fraction of a second, where replaying the migrations would take several.</summary>
public static class TestDatabases
{
    private static readonly Lazy<Task<PostgresServer>> Server = new(StartServerAsync);
    private static readonly ConcurrentDictionary<string, bool> Created = new();
    private static int _count;

    public static Task<PostgresServer> ServerAsync() => Server.Value;

    /// <summary>A fresh, empty database; dropped when the run ends, if not before.</summary>
    public static async Task<string> CreateAsync(string purpose)
    {
        var server = await ServerAsync();
        var name = UniqueName(purpose);
        Created[name] = true;
        return await server.CreateDatabaseAsync(name);
    }

    /// <summary>A copy of the database <paramref name="template"/> (a connection string). Nobody may be connected to
    /// the template while it is copied: its pooled connections are closed and any stray session ended first.</summary>
    public static async Task<string> CloneAsync(string template, string purpose)
    {
        var server = await ServerAsync();
        var source = new NpgsqlConnectionStringBuilder(template).Database!;
        var name = UniqueName(purpose);
        Created[name] = true;
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using (var end = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid()", connection))
        {
            end.Parameters.AddWithValue("name", source);
            await end.ExecuteNonQueryAsync();
        }

        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{source}\"", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name, IncludeErrorDetail = true }.ConnectionString;
    }

    /// <summary>Drops a database made here, ending its sessions (the app's pooled connections among them).</summary>
    public static async Task DropAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        var server = await ServerAsync();
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
        Created.TryRemove(name, out _);
    }

    /// <summary>Unique on the server, which several test processes may share (COMMUNITYHUB_TEST_POSTGRES, test.sh).</summary>
    private static string UniqueName(string purpose)
    {
        var name = $"ch{Environment.ProcessId}_{Interlocked.Increment(ref _count)}_{purpose}".ToLowerInvariant();
        return name.Length <= 63 ? name : name[..63];
    }

    private static async Task<PostgresServer> StartServerAsync()
    {
        var server = await PostgresServer.StartAsync();
        TestRun.OnEnd(() => StopAsync(server));
        return server;
    }

    /// <summary>A throwaway cluster goes whole; on a server named by the environment, only what this run made.</summary>
    private static async Task StopAsync(PostgresServer server)
    {
        NpgsqlConnection.ClearAllPools();
        if (server.IsThrowaway)
        {
            await server.DisposeAsync();
            return;
        }

        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        foreach (var name in Created.Keys)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
