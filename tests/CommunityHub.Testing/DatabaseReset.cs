using Npgsql;
using Respawn;
using Respawn.Graph;

namespace CommunityHub.Testing;

/// <summary>Empties every table between tests (Respawn), keeping the migrations history, the roles
/// that start-up creates, and the data-protection keys.</summary>
public sealed class DatabaseReset
{
    private readonly string _connectionString;
    private Respawner? _respawner;

    public DatabaseReset(string connectionString) => _connectionString = connectionString;

    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            // The data-protection keys stay too: the apps under test cache them, as a running instance would.
            TablesToIgnore = [new Table("__EFMigrationsHistory"), new Table("roles"), new Table("data_protection_keys")],
        });
        await _respawner.ResetAsync(connection);
    }
}
