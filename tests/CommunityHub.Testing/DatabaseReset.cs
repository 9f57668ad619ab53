using Npgsql;
using Respawn;
using Respawn.Graph;

namespace CommunityHub.Testing;

/// <summary>Empties every table between tests (Respawn), keeping the migrations history and the roles
/// that start-up creates.</summary>
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
            TablesToIgnore = [new Table("__EFMigrationsHistory"), new Table("roles")],
        });
        await _respawner.ResetAsync(connection);
    }
}
