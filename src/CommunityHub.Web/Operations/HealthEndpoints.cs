using CommunityHub.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CommunityHub.Web.Operations;

/// <summary><c>/health</c> answers whether the process is alive (for a restart policy); <c>/health/ready</c>
/// whether it can serve (for a load balancer): the database answers and has every migration applied.</summary>
public static class HealthEndpoints
{
    private const string Readiness = "ready";

    public static IServiceCollection AddCommunityHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<CommunityDbContext>("database", tags: [Readiness])
            .AddCheck<MigrationsApplied>("migrations", tags: [Readiness]);
        return services;
    }

    public static IEndpointRouteBuilder MapCommunityHealth(this IEndpointRouteBuilder endpoints)
    {
        // Liveness runs no check: a database outage must not make an orchestrator restart healthy processes.
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false })
            .DisableRateLimiting();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Readiness) })
            .DisableRateLimiting();
        return endpoints;
    }

    /// <summary>Unhealthy while the database lacks a migration this build knows (an instance started against
    /// a database that another, older instance has not yet been told about, or one whose migration failed).</summary>
    private sealed class MigrationsApplied(CommunityDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied, the first {pending[0]}");
        }
    }
}
