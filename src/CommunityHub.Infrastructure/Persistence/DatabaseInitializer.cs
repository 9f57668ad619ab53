using CommunityHub.Domain.Members;
using CommunityHub.Infrastructure.Persistence.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CommunityHub.Infrastructure.Persistence;

/// <summary>Brings a database up to date at start-up: migrations, the roles, and (when asked) the demo community.</summary>
public sealed class DatabaseInitializer(
    CommunityDbContext db,
    RoleManager<IdentityRole<Guid>> roles,
    DemoCommunity demo,
    ILogger<DatabaseInitializer> logger)
{
    /// <summary>Any number that no other part of the app takes an advisory lock on.</summary>
    public const long InitializationLock = 0x436F_6D6D_4875_6201;

    public async Task InitializeAsync(bool seedDemo, CancellationToken cancellationToken)
    {
        // Instances started together (replicas behind a load balancer) take turns, so that the roles and the
        // demo community are created once: the lock is PostgreSQL's, held by this session until released.
        await using var gate = new NpgsqlConnection(db.Database.GetConnectionString());
        await gate.OpenAsync(cancellationToken);
        await using (var tryTake = new NpgsqlCommand($"SELECT pg_try_advisory_lock({InitializationLock})", gate))
        {
            if (await tryTake.ExecuteScalarAsync(cancellationToken) is not true)
            {
                // However long the other takes (seeding the demo on a busy machine took over the default 30 s
                // command timeout, and the waiting instance crashed): its lock ends with its session if it dies.
                logger.LogInformation("Another instance is bringing the database up to date; waiting for it to finish");
                await using var take = new NpgsqlCommand($"SELECT pg_advisory_lock({InitializationLock})", gate) { CommandTimeout = 0 };
                await take.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        try
        {
            await InitializeInTurnAsync(seedDemo, cancellationToken);
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({InitializationLock})", gate);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private async Task InitializeInTurnAsync(bool seedDemo, CancellationToken cancellationToken)
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
