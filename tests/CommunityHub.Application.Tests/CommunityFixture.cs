using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Moderation;
using CommunityHub.Application.Threads;
using CommunityHub.Infrastructure;
using CommunityHub.Infrastructure.Persistence;
using CommunityHub.Testing;
using MediatR;
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

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Community"] = ConnectionString,
                // Registered test members post at once; EmailConfirmationTests switch it on (the app's default).
                ["Identity:RequireConfirmedEmail"] = "false",
            })
            .Build();
        Configuration = configuration;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<ICurrentUser>(CurrentUser);
        services.AddApplication();
        services.AddInfrastructure(configuration);
        services.AddSingleton(Published);
        services.AddScoped<INotificationHandler<ThreadStarted>>(_ => Published);
        services.AddScoped<INotificationHandler<ReplyPosted>>(_ => Published);
        services.AddScoped<INotificationHandler<PostEdited>>(_ => Published);
        services.AddScoped<INotificationHandler<OfficialAnswerMarked>>(_ => Published);
        services.AddScoped<INotificationHandler<PostModerated>>(_ => Published);
        services.AddScoped<INotificationHandler<ThreadModerated>>(_ => Published);
        services.AddScoped<INotificationHandler<MemberModerated>>(_ => Published);
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemo: false, CancellationToken.None);
        }

        Reset = new DatabaseReset(ConnectionString);
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
