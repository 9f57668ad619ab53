using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityHub.Web.Tests.Sso;

/// <summary>The Example Corp provider and the community apps configured to use it (on the web tests' database),
/// started once per test class. "Down Corp" is a provider whose address answers nothing.</summary>
public sealed class SsoApps : IAsyncLifetime
{
    private readonly Dictionary<string, CommunityWebFactory> _apps = [];

    public ExampleCorpProvider Provider { get; private set; } = null!;

    private string? _connectionString;

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>The community in memory (HTTP tests), with <paramref name="settings"/> over the SSO ones.</summary>
    public async Task<CommunityWebFactory> AppAsync(WebFixture web, string name = "sso", IReadOnlyDictionary<string, string?>? settings = null, bool kestrel = false)
    {
        if (_connectionString is null)
        {
            _connectionString = web.ConnectionString;
            Provider = await ExampleCorpProvider.StartAsync();
            // The provider's first answer (its database, keys, JIT) can take longer than the community waits for a
            // provider (15 s on a busy 2-core machine): ask once before the tests do, as an operator's check would.
            using var warmUp = new HttpClient { Timeout = TimeSpan.FromSeconds(90) };
            var started = System.Diagnostics.Stopwatch.StartNew();
            (await warmUp.GetAsync(new Uri(Provider.Authority, ".well-known/openid-configuration"))).EnsureSuccessStatusCode();
            (await warmUp.GetAsync(new Uri(Provider.Authority, ".well-known/jwks"))).EnsureSuccessStatusCode();
            Console.WriteLine($"Example Corp answered its discovery document in {started.ElapsedMilliseconds} ms");
        }

        if (!_apps.TryGetValue(name, out var app))
        {
            var all = Settings(Provider.Authority);
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                all[key] = value;
            }

            app = new CommunityWebFactory(web.ConnectionString, kestrel, all);
            if (kestrel)
            {
                app.StartServer();
            }
            else
            {
                _ = app.Server;
            }

            _apps[name] = app;
            await Provider.AllowRedirectUriAsync(new Uri(Address(app, kestrel), "/signin-oidc-example-corp"));
        }

        return app;
    }

    public static Uri Address(CommunityWebFactory app, bool kestrel) =>
        kestrel ? new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()) : new Uri("http://localhost");

    public static Dictionary<string, string?> Settings(Uri authority) => new()
    {
        ["Authentication:Providers:example-corp:DisplayName"] = "Example Corp",
        ["Authentication:Providers:example-corp:Authority"] = authority.ToString(),
        ["Authentication:Providers:example-corp:ClientId"] = ExampleCorpProvider.ClientId,
        ["Authentication:Providers:example-corp:ClientSecret"] = ExampleCorpProvider.ClientSecret,
        ["Authentication:Providers:example-corp:RequireHttpsMetadata"] = "false",
        ["Authentication:Providers:example-corp:Scopes:0"] = "openid",
        ["Authentication:Providers:example-corp:Scopes:1"] = "profile",
        ["Authentication:Providers:example-corp:Scopes:2"] = "email",
        ["Authentication:Providers:example-corp:Scopes:3"] = "groups",
        ["Authentication:Providers:example-corp:Claims:Groups"] = "groups",
        ["Authentication:Providers:example-corp:Claims:Organisation"] = "org",
        ["Authentication:Providers:example-corp:RoleMapping:community-moderators"] = "Moderator",
        ["Authentication:Providers:down-corp:DisplayName"] = "Down Corp",
        ["Authentication:Providers:down-corp:Authority"] = $"http://127.0.0.1:{ClosedPort()}/",
        ["Authentication:Providers:down-corp:ClientId"] = "communityhub",
        ["Authentication:Providers:down-corp:RequireHttpsMetadata"] = "false",
    };

    /// <summary>A loopback port nothing listens on (taken and released at once).</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values)
        {
            await app.DisposeAsync();
        }

        if (_connectionString is not null)
        {
            await Provider.DisposeAsync();
        }
    }
}
