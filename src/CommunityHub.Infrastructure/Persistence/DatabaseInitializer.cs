using CommunityHub.Domain.Members;
using CommunityHub.Infrastructure.Persistence.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;

namespace CommunityHub.Infrastructure.Persistence;

/// <summary>Brings a database up to date at start-up: migrations, the roles, and (when asked) the demo community.</summary>
public sealed class DatabaseInitializer(
    CommunityDbContext db,
    RoleManager<IdentityRole<Guid>> roles,
    DemoCommunity demo,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(bool seedDemo, CancellationToken cancellationToken)
    {
        // Creating the history table first spares a fresh database EF's logged "relation does not exist"
        // error when it looks for applied migrations.
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role));
            }
        }

        if (seedDemo && !await db.Members.AnyAsync(cancellationToken))
        {
            await demo.SeedAsync(cancellationToken);
            logger.LogInformation("Seeded the demo community");
        }
    }
}
