using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityHub.Web.Tests;

/// <summary>The real web app (Program.cs) on the test database. With <c>kestrel</c> it listens on a real
/// loopback port for the browser; otherwise it runs in memory for HTTP tests.</summary>
public sealed class CommunityWebFactory : WebApplicationFactory<Program>
{
    private readonly string _connectionString;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly bool _ownsMail;

    /// <param name="settings">Settings over the tests' defaults (e.g. small rate limits, or confirmed e-mail required).</param>
    /// <param name="mail">The pickup folder, shared by the apps on one database (either one's sender may send a
    /// message, as two instances would); without it, a folder of the app's own, deleted with it.</param>
    public CommunityWebFactory(string connectionString, bool kestrel, IReadOnlyDictionary<string, string?>? settings = null, DirectoryInfo? mail = null)
    {
        _connectionString = connectionString;
        _settings = settings ?? new Dictionary<string, string?>();
        _ownsMail = mail is null;
        Mail = mail ?? Directory.CreateTempSubdirectory("communityhub-web-mail-");
        if (kestrel)
        {
            UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        }

        Sends = mail is null || (!kestrel && settings is null);
    }

    /// <summary>Whether this app's background sender sends the e-mails queued in the database. Of the apps sharing
    /// a database and a pickup folder, one is enough: each sender polls the queue ten times a second.</summary>
    public bool Sends { get; }

    public SqlStatementCounter Statements { get; } = new();

    /// <summary>Where the app writes its e-mails (the pickup folder).</summary>
    public DirectoryInfo Mail { get; }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsMail && Mail.Exists)
        {
            Mail.Delete(recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Community", _connectionString);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Email:PickupDirectory", Mail.FullName);
        builder.UseSetting("Email:PollInterval", "00:00:00.100");
        builder.UseSetting("Email:DispatchEnabled", Sends ? "true" : "false");
        // Digests are made by their use case in the application tests; here they would only add background noise.
        builder.UseSetting("Digest:Enabled", "false");
        // Webhooks are delivered only by the apps of the tests that wait for them (WebhookPageTests' variant).
        builder.UseSetting("Webhooks:DispatchEnabled", "false");
        // The tests sign in, register and post far more often than a person: the limiter stays on (so every
        // test passes through it) with room to spare. RateLimitTests use a factory with small limits.
        foreach (var policy in new[] { "SignIn", "Registration", "PasswordReset", "Posting", "Flagging", "Uploading", "Completion", "Avatar" })
        {
            builder.UseSetting($"RateLimits:{policy}:PermitLimit", "1000000");
        }

        // The one policy with its own per-address limit in appsettings.json (unset elsewhere: the PermitLimit counts).
        builder.UseSetting("RateLimits:Posting:AddressPermitLimit", "1000000");
        builder.UseSetting("RateLimits:Uploading:AddressPermitLimit", "1000000");
        builder.UseSetting("RateLimits:Completion:AddressPermitLimit", "1000000");
        // Escalations to the support desk (issue 17): polled, retried and timed out in test time, on every test app alike
        // (any app on a lane's database may claim an escalation).
        builder.UseSetting("Escalation:PollInterval", "00:00:00.100");
        builder.UseSetting("Escalation:FirstRetryDelay", "00:00:00.200");
        builder.UseSetting("Escalation:MaxAttempts", "3");
        builder.UseSetting("Escalation:Timeout", "00:00:02");
        // Unposted uploads are removed by their use case in the application tests.
        builder.UseSetting("Attachments:CleanupEnabled", "false");

        // Tests send the registration form the moment they have it; RegistrationGateTests check the minimum fill time.
        builder.UseSetting("Registration:MinimumFillSeconds", "0");
        // Members registered by a test post at once, as most tests need; EmailConfirmationTests require it.
        builder.UseSetting("Identity:RequireConfirmedEmail", "false");
        // Likewise nothing they write waits for approval or meets a New member's limits (TrustSettings.Defaults restores them).
        foreach (var (key, value) in CommunityHub.Testing.TrustSettings.Relaxed)
        {
            builder.UseSetting(key, value);
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IInterceptor>(provider =>
            {
                var requests = provider.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>();
                Statements.Counts = () => requests.HttpContext is not null;
                return Statements;
            });
            services.AddSingleton<IStartupFilter, LoopbackConnection>();
            // Far fewer hashing rounds than production: the hostile-input tests register hundreds of members.
            // Hashes carry their round count, so sign-in checks them all the same.
            services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(options => options.IterationCount = Testing.CommunityServices.TestPasswordIterations);
        });
    }
}

/// <summary>In memory there is no connection, so no client address: requests come from 127.0.0.1 as if over
/// loopback, or from the address a test names in <see cref="PeerHeader"/> (the TCP peer it stands for).</summary>
internal sealed class LoopbackConnection : IStartupFilter
{
    public const string PeerHeader = "X-Test-Peer-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(PeerHeader, out var peer))
            {
                context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(peer.ToString());
                context.Request.Headers.Remove(PeerHeader);
            }

            context.Connection.RemoteIpAddress ??= System.Net.IPAddress.Loopback;
            return nextMiddleware(context);
        });
        next(app);
    };
}
