using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunityHub.Application.Account;

/// <summary>The account feature's services (its use cases and validators are found by the assembly scan).</summary>
public static class AccountServices
{
    public static IServiceCollection AddAccountUseCases(this IServiceCollection services)
    {
        services.AddOptions<SingleSignOnOptions>();
        services.AddScoped<AccountChanges>();
        services.AddScoped<ProviderRoles>();
        services.AddScoped<AccountDataSection>();
        // The web app replaces this with the request's own session and address.
        services.TryAddScoped<ICurrentSession, NoCurrentSession>();
        return services;
    }
}
