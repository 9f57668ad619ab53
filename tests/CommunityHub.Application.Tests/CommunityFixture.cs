using CommunityHub.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

// The run-wide fixtures (PostgreSQL, the lanes, the browser) end with the run.
[assembly: TestFramework(TestRunFramework.TypeName, TestRunFramework.AssemblyName)]

namespace CommunityHub.Application.Tests;

/// <summary>The application as the web app composes it (minus the web), on a real PostgreSQL database of this test
/// class's own, so that classes run in parallel. <see cref="CurrentUser"/> and <see cref="Clock"/> stand in for the
/// request; every test starts anonymous, at <see cref="TestClock.Start"/>, on empty tables (<see cref="BeginTestAsync"/>).</summary>
/// <remarks>The database and its services are a lane (<see cref="LanePool{TLane}"/>): made once, used by one class
/// at a time, and passed on to the next class when this one is done.</remarks>
public sealed class CommunityFixture : IAsyncLifetime
{
    private static readonly LanePool<Lane> Lanes = new(Lane.CreateAsync);

    private Lane? _lane;
    private ServiceProvider? _demo;
    private string? _demoDatabase;
    private readonly List<(ServiceProvider Services, string Database)> _communities = [];

    private Lane Current => _lane ?? throw new InvalidOperationException("The fixture is not initialized.");

    public TestCurrentUser CurrentUser => Current.CurrentUser;

    /// <summary>This test's clock, at <see cref="TestClock.Start"/> when the test begins.</summary>
    public FakeTimeProvider Clock => Current.Clock.Current;

    public ServiceProvider Services => _demo ?? Current.Services;

    public DatabaseReset Reset => Current.Reset;

    public string ConnectionString => _demoDatabase ?? Current.ConnectionString;

    /// <summary>The settings the services were built with; read again by each use case's options snapshot.</summary>
    public IConfigurationRoot Configuration => (IConfigurationRoot)Services.GetRequiredService<IConfiguration>();

    /// <summary>Every thread event the use cases published, in order.</summary>
    public PublishedEvents Published => Current.Published;

    public async Task InitializeAsync() => _lane = await Lanes.LeaseAsync();

    /// <summary>Empty tables, nobody signed in, a clock of the test's own, no events yet.</summary>
    public async Task BeginTestAsync()
    {
        await DropTestDatabasesAsync();
        await Current.Reset.ResetAsync();
        Current.CurrentUser.ActAsAnonymous();
        Current.Clock.Restart();
        Current.Published.Clear();
    }

    /// <summary>For the rest of the test, the services work on a fresh copy of the demo community (seeded once per
    /// run, as <c>./run.sh</c> seeds it), with this test's current user, clock and events.</summary>
    public async Task UseDemoCommunityAsync()
    {
        _demoDatabase = await CommunityServices.DemoCommunity.CloneAsync("demo_copy");
        _demo = Current.Compose(_demoDatabase);
    }

    /// <summary>A second community on its own fresh, migrated database of the same server (e.g. to import into),
    /// on this test's clock; dropped when the next test begins.</summary>
    public async Task<ServiceProvider> CreateCommunityAsync(string databaseName)
    {
        var database = await CommunityServices.Migrated.CloneAsync(databaseName.Replace("communityhub_", string.Empty, StringComparison.Ordinal));
        var services = CommunityServices.Compose(database, Current.Clock, new TestCurrentUser(), Lane.Settings, WebParts.AddTo);
        _communities.Add((services, database));
        return services;
    }

    public async Task DisposeAsync()
    {
        await DropTestDatabasesAsync();
        if (_lane is not null)
        {
            Lanes.Return(_lane);
            _lane = null;
        }
    }

    private async Task DropTestDatabasesAsync()
    {
        if (_demo is not null)
        {
            await _demo.DisposeAsync();
            await TestDatabases.DropAsync(_demoDatabase!);
            (_demo, _demoDatabase) = (null, null);
        }

        foreach (var (services, database) in _communities)
        {
            await services.DisposeAsync();
            await TestDatabases.DropAsync(database);
        }

        _communities.Clear();
    }

    /// <summary>A database and the services on it, with the stand-ins for who is asking and what time it is.</summary>
    private sealed class Lane
    {
        /// <summary>Registered test members post at once; EmailConfirmationTests switch it on (the app's default).</summary>
        public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?> { ["Identity:RequireConfirmedEmail"] = "false" };

        private Lane(string connectionString)
        {
            ConnectionString = connectionString;
            Services = Compose(connectionString);
            Reset = new DatabaseReset(connectionString);
        }

        public string ConnectionString { get; }

        public TestCurrentUser CurrentUser { get; } = new();

        public TestClock Clock { get; } = new();

        public PublishedEvents Published { get; } = new();

        public ServiceProvider Services { get; }

        public DatabaseReset Reset { get; }

        public static async Task<Lane> CreateAsync(int number) => new(await CommunityServices.Migrated.CloneAsync($"application_{number}"));

        public ServiceProvider Compose(string connectionString) =>
            CommunityServices.Compose(connectionString, Clock, CurrentUser, Settings, services =>
            {
                services.AddSingleton(Published);
                Published.SubscribeIn(services);
                WebParts.AddTo(services);
            });
    }
}
