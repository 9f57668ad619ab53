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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Community", _connectionString);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.ConfigureTestServices(services => services.AddSingleton<IInterceptor>(Statements));
    }
}
