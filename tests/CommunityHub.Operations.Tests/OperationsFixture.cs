using CommunityHub.Domain.Spaces;
using CommunityHub.Infrastructure.Persistence;
using CommunityHub.Testing;
using Microsoft.EntityFrameworkCore;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace CommunityHub.Operations.Tests;

/// <summary>The run's PostgreSQL server; every test gets a database of its own on it, which the app it starts migrates.</summary>
public sealed class OperationsFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public Task<string> NewDatabaseAsync(string name) => Server.CreateDatabaseAsync("communityhub_operations_" + name);

    /// <summary>Reads or writes the app's database directly, as the test's own eyes.</summary>
    public static async Task<T> DbAsync<T>(string connectionString, Func<CommunityDbContext, Task<T>> query)
    {
        var options = new DbContextOptionsBuilder<CommunityDbContext>().UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure(3)).UseSnakeCaseNamingConvention().Options;
        await using var db = new CommunityDbContext(options);
        return await query(db);
    }

    /// <summary>Spaces are made by admins through their pages, tested elsewhere; here they are only the stage.</summary>
    public static Task<Space> CreateSpaceAsync(string connectionString, string slug = "questions") =>
        DbAsync(connectionString, async db =>
        {
            var space = Space.Create("Questions", slug, "Ask anything about the product.", 1);
            db.Spaces.Add(space);
            await db.SaveChangesAsync();
            return space;
        });
}

[CollectionDefinition(Name)]
public sealed class OperationsTests : ICollectionFixture<OperationsFixture>
{
    public const string Name = "Operations";
}
