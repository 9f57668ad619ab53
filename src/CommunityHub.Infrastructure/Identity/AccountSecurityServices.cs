using CommunityHub.Application.Account;
using CommunityHub.Infrastructure.Identity.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityHub.Infrastructure.Identity;

public static class AccountSecurityServices
{
    /// <summary>Linked sign-ins, two-factor, sessions on the server, and the <c>Authentication</c> settings.</summary>
    public static IServiceCollection AddAccountSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SingleSignOnOptions>(configuration.GetSection(SingleSignOnOptions.Section));
        services.AddScoped<IAccountSecurity, AccountSecurity>();
        services.AddScoped<ISignInSessions, SignInSessions>();
        services.AddSingleton<PostgresTicketStore>();
        services.AddTransient<ReplayProtectedAuthenticatorTokenProvider>();
        services.Configure<IdentityOptions>(options =>
        {
            options.Tokens.ProviderMap[ReplayProtectedAuthenticatorTokenProvider.Name] = new TokenProviderDescriptor(typeof(ReplayProtectedAuthenticatorTokenProvider));
            options.Tokens.AuthenticatorTokenProvider = ReplayProtectedAuthenticatorTokenProvider.Name;
        });
        return services;
    }
}
