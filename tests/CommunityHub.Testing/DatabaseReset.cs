using Npgsql;
using Respawn;
using Respawn.Graph;

namespace CommunityHub.Testing;

/// <summary>Empties every table between tests, keeping the migrations history, the roles that start-up creates, and
/// the data-protection keys (the apps under test cache them, as a running instance would).</summary>
/// <remarks>With a superuser (the throwaway cluster, a container) it is one round trip of <c>DELETE</c>s with the
/// foreign keys' triggers off for the transaction (<c>session_replication_role = replica</c>). A test leaves a few
/// rows in a few tables, and deleting them costs next to nothing, where <c>TRUNCATE</c> replaces every table's and
/// index's files whether they held a row or not: measured at 64 ms (nearly all of it the kernel's) per reset of 50
/// tables against 9 ms for the deletes. A user that is not a superuser (a server named by
/// <c>COMMUNITYHUB_TEST_POSTGRES</c>) may not switch the triggers off, and gets Respawn's <c>TRUNCATE</c>.</remarks>
public sealed class DatabaseReset(string connectionString)
{
    private static readonly string[] Kept = ["__EFMigrationsHistory", "roles", "data_protection_keys"];

    private string? _deletes;
    private Respawner? _respawner;

    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        if (_deletes is null && _respawner is null)
        {
            await PrepareAsync(connection);
        }

        if (_deletes is not null)
        {
            await using var delete = new NpgsqlCommand(_deletes, connection);
            await delete.ExecuteNonQueryAsync();
            return;
        }

        await _respawner!.ResetAsync(connection);
    }

    private async Task PrepareAsync(NpgsqlConnection connection)
    {
        await using (var superuser = new NpgsqlCommand("SELECT rolsuper FROM pg_roles WHERE rolname = current_user", connection))
        {
            if (await superuser.ExecuteScalarAsync() is true)
            {
                await using var tables = new NpgsqlCommand(
                    "SELECT string_agg(format('DELETE FROM public.%I;', tablename), ' ' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'public' AND NOT tablename = ANY(@kept)",
                    connection);
                tables.Parameters.AddWithValue("kept", Kept);
                _deletes = $"BEGIN; SET LOCAL session_replication_role = replica; {await tables.ExecuteScalarAsync()} COMMIT;";
                return;
            }
        }

        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = [.. Kept.Select(name => new Table(name))],
        });
    }
}
