using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Infrastructure.Identity;
using CommunityHub.Infrastructure.Markdown;
using CommunityHub.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityHub.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Community";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"No database configured: set ConnectionStrings:{ConnectionStringName} (for example the environment variable ConnectionStrings__{ConnectionStringName}).");

        // Interceptors registered in the container (tests add a statement counter this way) join every context.
        services.AddDbContext<CommunityDbContext>((provider, options) =>
            ConfigureDatabase(options, connectionString).AddInterceptors(provider.GetServices<IInterceptor>()));
        services.AddScoped<ICommunityDb>(provider => provider.GetRequiredService<CommunityDbContext>());

        services.AddIdentity<CommunityUser, IdentityRole<Guid>>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // Length over composition rules (NIST SP 800-63B).
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<CommunityDbContext>()
            .AddClaimsPrincipalFactory<CommunityClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.AddScoped<IIdentityService, IdentityService>();
        services.AddScoped<ITieStore, Ties.TieStore>();
        services.AddSingleton<IMarkdownRenderer, MarkdownRenderer>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<Persistence.Seeding.DemoCommunity>();
        return services;
    }

    internal static DbContextOptionsBuilder ConfigureDatabase(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure(maxRetryCount: 3))
            .UseSnakeCaseNamingConvention();
}
