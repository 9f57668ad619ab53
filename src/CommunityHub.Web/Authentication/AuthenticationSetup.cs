using CommunityHub.Application.Account;
using CommunityHub.Infrastructure.Identity.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CommunityHub.Web.Authentication;

/// <summary>How people sign in, beyond Identity's own cookie: sessions kept on the server, one OpenID Connect scheme
/// per configured provider, and the two-factor requirement for admins and moderators. Called once from Program.cs.</summary>
public static class AuthenticationSetup
{
    public static IServiceCollection AddCommunityAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ICurrentSession, HttpCurrentSession>();
        services.AddScoped<ViewerTimeZone>();
        services.AddScoped<Dates.DateDisplay>();

        // The sign-in cookie holds a key to a row in PostgreSQL, not the ticket itself: signing out ends it everywhere.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<PostgresTicketStore>((options, store) => options.SessionStore = store);

        var settings = configuration.GetSection(SingleSignOnOptions.Section).Get<SingleSignOnOptions>() ?? new SingleSignOnOptions();
        var authentication = services.AddAuthentication();
        foreach (var (key, provider) in settings.UsableProviders)
        {
            authentication.AddOpenIdConnect(SchemeOf(key), provider.DisplayName, options => Configure(options, key, provider));
        }

        services.AddSingleton(new FormActionOrigins(settings.UsableProviders
            .Select(p => Uri.TryCreate(p.Value.Authority, UriKind.Absolute, out var authority) ? authority.GetLeftPart(UriPartial.Authority) : null)
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList()));
        services.Configure<MvcOptions>(options =>
        {
            options.Filters.Add<SessionOutageFilter>();
            options.Filters.Add<TwoFactorRequirementFilter>();
        });
        return services;
    }

    /// <summary>The authentication scheme of a provider's key.</summary>
    public static string SchemeOf(string provider) => "oidc-" + provider;

    /// <summary>The redirect URI to register at the provider: the community's address and this path.</summary>
    public static string CallbackPathOf(string provider) => "/signin-oidc-" + provider;

    private static void Configure(OpenIdConnectOptions options, string key, OidcProviderOptions provider)
    {
        options.Authority = provider.Authority;
        options.ClientId = provider.ClientId;
        options.ClientSecret = provider.ClientSecret;
        options.RequireHttpsMetadata = provider.RequireHttpsMetadata;
        // Authorization code flow with PKCE; state and nonce are the handler's (protected, and checked on return).
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.ResponseMode = OpenIdConnectResponseMode.Query;
        options.UsePkce = true;
        options.SaveTokens = false;
        options.CallbackPath = CallbackPathOf(key);
        options.SignedOutCallbackPath = "/signout-callback-oidc-" + key;
        options.RemoteSignOutPath = "/signout-oidc-" + key;
        options.SignInScheme = IdentityConstants.ExternalScheme;
        options.MapInboundClaims = false;
        options.GetClaimsFromUserInfoEndpoint = provider.UseUserInfoEndpoint;
        options.BackchannelTimeout = TimeSpan.FromSeconds(15);
        options.Scope.Clear();
        foreach (var scope in provider.Scopes.Count == 0 ? ["openid", "profile", "email"] : provider.Scopes.Prepend("openid").Distinct(StringComparer.Ordinal))
        {
            options.Scope.Add(scope);
        }

        var claims = provider.Claims;
        options.TokenValidationParameters.NameClaimType = claims.Name;
        // Userinfo answers are JSON: keep the claims the mapping reads (the handler keeps sub, name and email by default).
        options.ClaimActions.MapUniqueJsonKey(claims.Subject, claims.Subject);
        options.ClaimActions.MapUniqueJsonKey(claims.Email, claims.Email);
        options.ClaimActions.MapUniqueJsonKey(claims.EmailVerified, claims.EmailVerified);
        options.ClaimActions.MapUniqueJsonKey(claims.Name, claims.Name);
        if (!string.IsNullOrWhiteSpace(claims.Groups))
        {
            options.ClaimActions.MapJsonKey(claims.Groups, claims.Groups);
        }

        if (!string.IsNullOrWhiteSpace(claims.Organisation))
        {
            options.ClaimActions.MapUniqueJsonKey(claims.Organisation, claims.Organisation);
        }

        // The return to the callback is a top-level GET (response_mode=query), so Lax cookies come along; None would
        // need Secure, which a plain-HTTP development setup cannot have.
        options.CorrelationCookie.SameSite = SameSiteMode.Lax;
        options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.NonceCookie.SameSite = SameSiteMode.Lax;
        options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Events.OnRemoteFailure = context => SignInFailures.OnRemoteFailureAsync(context, key);
    }
}
