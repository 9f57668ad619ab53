namespace CommunityHub.Testing;

/// <summary>A database prepared once per test process (migrated, or seeded) and copied for every lane or test
/// that needs one like it (<see cref="TestDatabases.CloneAsync"/>).</summary>
public sealed class DatabaseTemplate
{
    private readonly Lazy<Task<string>> _database;

    /// <param name="prepare">Fills the template, given its connection string; must leave no connection open.</param>
    /// <param name="basedOn">A template to start from instead of an empty database.</param>
    public DatabaseTemplate(string purpose, Func<string, Task> prepare, DatabaseTemplate? basedOn = null) =>
        _database = new Lazy<Task<string>>(async () =>
        {
            var connectionString = basedOn is null
                ? await TestDatabases.CreateAsync(purpose)
                : await basedOn.CloneAsync(purpose);
            await prepare(connectionString);
            return connectionString;
        });

    /// <summary>A fresh copy of the template, for <paramref name="purpose"/> (part of its name, for whoever looks at the server).</summary>
    public async Task<string> CloneAsync(string purpose) => await TestDatabases.CloneAsync(await _database.Value, purpose);
}
