using CommunityHub.Testing;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityHub.Web.Tests;

/// <summary>One PostgreSQL database for the web tests, the app in memory for HTTP tests, and the app on
/// Kestrel (started on first use) for the browser tests.</summary>
public sealed class WebFixture : IAsyncLifetime
{
    private PostgresServer? _server;
    private CommunityWebFactory? _browserApp;
    private readonly Dictionary<string, CommunityWebFactory> _variants = [];

    public CommunityWebFactory App { get; private set; } = null!;

    public DatabaseReset Reset { get; private set; } = null!;

    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.StartAsync();
        ConnectionString = await _server.CreateDatabaseAsync("communityhub_web_tests");
        App = new CommunityWebFactory(ConnectionString, kestrel: false);
        _ = App.Server; // Starts the app, which migrates the database.
        Reset = new DatabaseReset(ConnectionString);
    }

    /// <summary>The app on a real loopback port, for the browser; the same database as <see cref="App"/>.</summary>
    public (CommunityWebFactory App, Uri Address) BrowserApp()
    {
        if (_browserApp is null)
        {
            _browserApp = new CommunityWebFactory(ConnectionString, kestrel: true);
            _browserApp.StartServer();
        }

        var address = _browserApp.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return (_browserApp, new Uri(address));
    }

    /// <summary>The app in memory with other settings (small rate limits, confirmed e-mail required...), on the
    /// same database; started on first use under <paramref name="name"/> and kept for the run.</summary>
    public CommunityWebFactory AppWith(string name, IReadOnlyDictionary<string, string?> settings)
    {
        lock (_variants)
        {
            if (!_variants.TryGetValue(name, out var app))
            {
                app = new CommunityWebFactory(ConnectionString, kestrel: false, settings);
                _ = app.Server;
                _variants[name] = app;
            }

            return app;
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var variant in _variants.Values)
        {
            await variant.DisposeAsync();
        }

        if (_browserApp is not null)
        {
            await _browserApp.DisposeAsync();
        }

        await App.DisposeAsync();
        CommunityWebFactory.Mail.Delete(recursive: true);
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class WebTests : ICollectionFixture<WebFixture>
{
    public const string Name = "Web";
}
