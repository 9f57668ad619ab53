using CommunityHub.Application;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Infrastructure;
using CommunityHub.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommunityHub.Testing;

/// <summary>The application as the web app composes it (minus the web) on one database, and the databases the
/// tests copy: migrated, and with the demo community.</summary>
public static class CommunityServices
{
    /// <summary>Far fewer hashing rounds than Identity's default, for tests only: they register members by the
    /// hundred. A hash carries its round count, so checking a password works the same.</summary>
    public const int TestPasswordIterations = 1_000;

    /// <summary>What <see cref="DatabaseInitializer"/> leaves in an empty database: the schema and the roles.</summary>
    public static DatabaseTemplate Migrated { get; } = new("migrated", connectionString => InitializeAsync(connectionString, seedDemo: false));

    /// <summary>The demo community of <c>./run.sh</c>, seeded once per test process (at <see cref="TestClock.Start"/>)
    /// by the initializer, as the app seeds it, for the tests that only read it.</summary>
    public static DatabaseTemplate DemoCommunity { get; } = new("demo", connectionString => InitializeAsync(connectionString, seedDemo: true), Migrated);

    public static ServiceProvider Compose(
        string connectionString,
        TimeProvider clock,
        ICurrentUser currentUser,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Community"] = connectionString })
            .AddInMemoryCollection(TrustSettings.Relaxed)
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(clock);
        services.AddSingleton(currentUser);
        services.AddApplication();
        services.AddInfrastructure(configuration);
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = TestPasswordIterations);
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private static async Task InitializeAsync(string connectionString, bool seedDemo)
    {
        await using (var services = Compose(connectionString, new TestClock(), new TestCurrentUser()))
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemo, CancellationToken.None);
        }

        // A template is copied only while nobody is connected to it.
        using var pooled = new NpgsqlConnection(connectionString);
        NpgsqlConnection.ClearPool(pooled);
    }
}
