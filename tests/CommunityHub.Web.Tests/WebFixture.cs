using CommunityHub.Infrastructure.Persistence.Changes;
using CommunityHub.Testing;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

// The run-wide fixtures (PostgreSQL, the lanes, the browser) end with the run.
[assembly: TestFramework(TestRunFramework.TypeName, TestRunFramework.AssemblyName)]

namespace CommunityHub.Web.Tests;

/// <summary>A PostgreSQL database of the test class's own (classes run in parallel), the app in memory on it for
/// HTTP tests, and the app on Kestrel (started on first use) for the browser tests.</summary>
/// <remarks>The database and its apps are a lane (<see cref="LanePool{TLane}"/>): started once, used by one class at
/// a time, and passed on to the next class when this one is done, so a run starts a few apps, not one per class.</remarks>
public sealed class WebFixture : IAsyncLifetime
{
    private static readonly LanePool<Lane> Lanes = new(Lane.CreateAsync);

    private Lane? _lane;

    private Lane Current => _lane ?? throw new InvalidOperationException("The fixture is not initialized.");

    public CommunityWebFactory App => Current.App;

    public DatabaseReset Reset => Current.Reset;

    public string ConnectionString => Current.ConnectionString;

    /// <summary>Where this lane's apps write their e-mails (the pickup folder), emptied before every test.</summary>
    public DirectoryInfo Mail => Current.Mail;

    public async Task InitializeAsync() => _lane = await Lanes.LeaseAsync();

    /// <summary>Empty tables (Respawn) and an empty pickup folder.</summary>
    public async Task ResetAsync()
    {
        await Current.Reset.ResetAsync();
        // Respawn empties the tables behind the apps' backs (its own connection, no EF): their visitor page caches
        // are told here that everything changed, as a write through the app would have told them.
        Current.EveryoneChanged();
        foreach (var file in Current.Mail.GetFiles())
        {
            file.Delete();
        }
    }

    /// <summary>The app on a real loopback port, for the browser; the same database as <see cref="App"/>.</summary>
    public (CommunityWebFactory App, Uri Address) BrowserApp() => Current.BrowserApp();

    /// <summary>The app in memory with other settings (small rate limits, confirmed e-mail required...), on the
    /// same database; started on first use under <paramref name="name"/> and kept with the lane.</summary>
    public CommunityWebFactory AppWith(string name, IReadOnlyDictionary<string, string?> settings) => Current.AppWith(name, settings);

    /// <summary>The app on a real loopback port with other settings (the shipped trust rules...), for the browser;
    /// started on first use under <paramref name="name"/> and kept with the lane, as <see cref="AppWith"/>.</summary>
    public (CommunityWebFactory App, Uri Address) BrowserAppWith(string name, IReadOnlyDictionary<string, string?> settings) => Current.BrowserAppWith(name, settings);

    public Task DisposeAsync()
    {
        if (_lane is not null)
        {
            Lanes.Return(_lane);
            _lane = null;
        }

        return Task.CompletedTask;
    }

    /// <summary>A database and the apps on it, which live as long as the test run (<see cref="TestRun"/>).</summary>
    private sealed class Lane
    {
        private readonly Dictionary<string, CommunityWebFactory> _variants = [];
        private readonly Lock _browserAppLock = new();
        private CommunityWebFactory? _browserApp;

        private Lane(string connectionString)
        {
            ConnectionString = connectionString;
            App = new CommunityWebFactory(connectionString, kestrel: false, mail: Mail);
            Reset = new DatabaseReset(connectionString);
            TestRun.OnEnd(EndAsync);
        }

        public string ConnectionString { get; }

        public DirectoryInfo Mail { get; } = Directory.CreateTempSubdirectory("communityhub-web-mail-");

        public CommunityWebFactory App { get; }

        public DatabaseReset Reset { get; }

        public static async Task<Lane> CreateAsync(int number)
        {
            var lane = new Lane(await CommunityServices.Migrated.CloneAsync($"web_{number}"));
            _ = lane.App.Server; // Starts the app (its start-up finds the database migrated).
            return lane;
        }

        public (CommunityWebFactory App, Uri Address) BrowserApp()
        {
            lock (_browserAppLock)
            {
                if (_browserApp is null)
                {
                    _browserApp = new CommunityWebFactory(ConnectionString, kestrel: true, mail: Mail);
                    _browserApp.StartServer();
                }
            }

            var address = _browserApp.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            return (_browserApp, new Uri(address));
        }

        public void EveryoneChanged()
        {
            foreach (var app in Apps())
            {
                app.Services.GetRequiredService<ContentChanges>().Publish(ContentChange.All);
            }
        }

        private IEnumerable<CommunityWebFactory> Apps()
        {
            lock (_variants)
            {
                return [.. _variants.Values.Append(App).Concat(_browserApp is null ? [] : [_browserApp])];
            }
        }

        private async Task EndAsync()
        {
            foreach (var app in Apps())
            {
                await app.DisposeAsync();
            }

            Mail.Delete(recursive: true);
        }

        public (CommunityWebFactory App, Uri Address) BrowserAppWith(string name, IReadOnlyDictionary<string, string?> settings)
        {
            CommunityWebFactory? app;
            lock (_variants)
            {
                if (!_variants.TryGetValue("browser:" + name, out app))
                {
                    app = new CommunityWebFactory(ConnectionString, kestrel: true, settings, Mail);
                    app.StartServer();
                    _variants["browser:" + name] = app;
                }
            }

            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            return (app, new Uri(address));
        }

        public CommunityWebFactory AppWith(string name, IReadOnlyDictionary<string, string?> settings)
        {
            lock (_variants)
            {
                if (!_variants.TryGetValue(name, out var app))
                {
                    app = new CommunityWebFactory(ConnectionString, kestrel: false, settings, Mail);
                    _ = app.Server;
                    _variants[name] = app;
                }

                return app;
            }
        }
    }
}
