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

    public CommunityWebFactory(string connectionString, bool kestrel)
    {
        _connectionString = connectionString;
        if (kestrel)
        {
            UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        }
    }

    public SqlStatementCounter Statements { get; } = new();

    /// <summary>Where the apps write their e-mails (the pickup folder): one for the test run, because the in-memory app
    /// and the browser's app share the database, so either one's sender may send a message (as two instances would).</summary>
    public static DirectoryInfo Mail { get; } = Directory.CreateTempSubdirectory("communityhub-web-mail-");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Community", _connectionString);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Email:PickupDirectory", Mail.FullName);
        builder.UseSetting("Email:PollInterval", "00:00:00.100");
        // Digests are made by their use case in the application tests; here they would only add background noise.
        builder.UseSetting("Digest:Enabled", "false");
        builder.ConfigureTestServices(services => services.AddSingleton<IInterceptor>(provider =>
        {
            var requests = provider.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>();
            Statements.Counts = () => requests.HttpContext is not null;
            return Statements;
        }));
    }
}
