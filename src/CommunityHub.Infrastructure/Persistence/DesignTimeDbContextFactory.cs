using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CommunityHub.Infrastructure.Persistence;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the web app. Adding a
/// migration needs no database; applying one happens at start-up.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<CommunityDbContext>
{
    public CommunityDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CommunityDbContext>();
        DependencyInjection.ConfigureDatabase(options, DependencyInjection.WithoutJit(Environment.GetEnvironmentVariable("ConnectionStrings__Community") ?? "Host=localhost;Database=communityhub"));
        return new CommunityDbContext(options.Options);
    }
}
