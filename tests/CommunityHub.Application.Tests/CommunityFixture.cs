using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Infrastructure;
using CommunityHub.Infrastructure.Persistence;
using CommunityHub.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CommunityHub.Application.Tests;

/// <summary>The application as the web app composes it (minus the web), on a real PostgreSQL database
/// migrated once per run. <see cref="CurrentUser"/> and <see cref="Clock"/> stand in for the request.</summary>
public sealed class CommunityFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    public TestCurrentUser CurrentUser { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public ServiceProvider Services { get; private set; } = null!;

    public DatabaseReset Reset { get; private set; } = null!;

    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>The settings the services were built with; read again by each use case's options snapshot.</summary>
    public IConfigurationRoot Configuration { get; private set; } = null!;

    /// <summary>Every thread event the use cases published, in order.</summary>
    public PublishedEvents Published { get; } = new();

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.StartAsync();
        ConnectionString = await _server.CreateDatabaseAsync("communityhub_application_tests");

        Services = Compose(ConnectionString, Clock, CurrentUser, Published);
        Configuration = (IConfigurationRoot)Services.GetRequiredService<IConfiguration>();
        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemo: false, CancellationToken.None);
        }

        Reset = new DatabaseReset(ConnectionString);
    }

    /// <summary>A second community on its own fresh, migrated database of the same server (e.g. to import into).</summary>
    public async Task<ServiceProvider> CreateCommunityAsync(string databaseName)
    {
        var services = Compose(await _server!.CreateDatabaseAsync(databaseName), Clock, new TestCurrentUser(), new PublishedEvents());
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemo: false, CancellationToken.None);
        return services;
    }

    private static ServiceProvider Compose(string connectionString, TimeProvider clock, ICurrentUser currentUser, PublishedEvents published)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Community"] = connectionString,
                // Registered test members post at once; EmailConfirmationTests switch it on (the app's default).
                ["Identity:RequireConfirmedEmail"] = "false",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(clock);
        services.AddSingleton(currentUser);
        services.AddApplication();
        services.AddInfrastructure(configuration);
        services.AddSingleton(published);
        published.SubscribeIn(services);
        WebParts.AddTo(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DatabaseTests : ICollectionFixture<CommunityFixture>
{
    public const string Name = "Database";
}
