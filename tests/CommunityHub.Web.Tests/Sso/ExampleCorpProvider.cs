using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using CommunityHub.Testing;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CommunityHub.Web.Tests.Sso;

/// <summary>"Example Corp", a real OpenID Connect provider (OpenIddict 7 server) on 127.0.0.1, started by the tests:
/// discovery, signing keys, an authorization endpoint with its own sign-in page, a token endpoint that redeems each
/// code once (tokens stored in PostgreSQL), PKCE required, and userinfo. Its people are <see cref="Users"/>, which a
/// test may change between sign-ins (a new e-mail address, an unverified one, new groups).</summary>
public sealed class ExampleCorpProvider : IAsyncDisposable
{
    public const string ClientId = "communityhub";
    public const string ClientSecret = "example-corp-test-secret";
    public const string Cookie = "examplecorp.session";

    private readonly WebApplication _app;

    private ExampleCorpProvider(WebApplication app, Uri authority)
    {
        _app = app;
        Authority = authority;
    }

    public Uri Authority { get; }

    /// <summary>People who can sign in at Example Corp, by user name.</summary>
    public ConcurrentDictionary<string, ProviderUser> Users { get; } = new(StringComparer.Ordinal);

    /// <summary>Issue id tokens for another client (a misbehaving or compromised provider): the community must refuse them.</summary>
    public bool IssueTokensForAnotherAudience { get; set; }

    public ProviderUser AddUser(string userName, string email, bool emailVerified = true, string? name = null, IReadOnlyList<string>? groups = null, string? organisation = null)
    {
        var user = new ProviderUser
        {
            UserName = userName,
            Password = "example corp password",
            Subject = "ec-" + Guid.NewGuid().ToString("N")[..12],
            Email = email,
            EmailVerified = emailVerified,
            Name = name ?? userName,
            Groups = groups ?? [],
            Organisation = organisation,
        };
        Users[userName] = user;
        return user;
    }

    public static async Task<ExampleCorpProvider> StartAsync()
    {
        // A database of this provider's own: test classes run in parallel, each with its provider.
        var database = await TestDatabases.CreateAsync("example_corp");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.AddDbContext<ProviderDb>(options => options.UseNpgsql(database).UseOpenIddict());
        builder.Services.AddAuthentication(Cookie).AddCookie(Cookie, options =>
        {
            options.Cookie.Name = Cookie;
            options.LoginPath = "/login";
        });
        ExampleCorpProvider? self = null;
        builder.Services.AddOpenIddict()
            .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<ProviderDb>())
            .AddServer(options =>
            {
                options.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetUserInfoEndpointUris("connect/userinfo");
                options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                options.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile, "groups");
                options.RegisterClaims(Claims.Subject, Claims.Email, Claims.EmailVerified, Claims.Name, "groups", "org");
                options.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                options.DisableAccessTokenEncryption();
                options.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
                // The misbehaving provider: the id token names another client as its audience.
                options.AddEventHandler<OpenIddictServerEvents.ProcessSignInContext>(handler => handler
                    .UseInlineHandler(context =>
                    {
                        if (self?.IssueTokensForAnotherAudience == true && context.IdentityTokenPrincipal is { } principal)
                        {
                            principal.SetAudiences("another-app");
                        }

                        return default;
                    })
                    .SetOrder(OpenIddictServerHandlers.PrepareIdentityTokenPrincipal.Descriptor.Order + 1)
                    .SetType(OpenIddictServerHandlerType.Custom));
            });

        var app = builder.Build();
        app.UseAuthentication();
        app.MapMethods("/connect/authorize", ["GET", "POST"], (Func<HttpContext, Task<IResult>>)(context => self!.AuthorizeAsync(context)));
        app.MapMethods("/connect/userinfo", ["GET", "POST"], (Func<HttpContext, Task<IResult>>)(context => self!.UserInfoAsync(context)));
        app.MapGet("/login", (HttpContext context) => Results.Content(LoginPage(context.Request.Query["ReturnUrl"].ToString(), null), "text/html"));
        app.MapPost("/login", (Func<HttpContext, Task<IResult>>)(context => self!.LogInAsync(context)));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProviderDb>();
            await db.Database.EnsureCreatedAsync();
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        self = new ExampleCorpProvider(app, new Uri(address.TrimEnd('/') + "/"));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            await applications.CreateAsync(new OpenIddictApplicationDescriptor
            {
                ClientId = ClientId,
                ClientSecret = ClientSecret,
                ClientType = ClientTypes.Confidential,
                DisplayName = "CommunityHub",
                Permissions =
                {
                    Permissions.Endpoints.Authorization, Permissions.Endpoints.Token,
                    Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
                    Permissions.Scopes.Email, Permissions.Scopes.Profile, Permissions.Prefixes.Scope + "groups",
                },
                Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            });
        }

        return self;
    }

    /// <summary>The community's redirect URI, as an administrator registers it at their provider.</summary>
    public async Task AllowRedirectUriAsync(Uri redirectUri)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var client = await applications.FindByClientIdAsync(ClientId) ?? throw new InvalidOperationException("No client.");
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, client);
        if (descriptor.RedirectUris.Add(redirectUri))
        {
            await applications.UpdateAsync(client, descriptor);
        }
    }

    private async Task<IResult> AuthorizeAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var signedIn = await context.AuthenticateAsync(Cookie);
        if (!signedIn.Succeeded || signedIn.Principal.Identity?.Name is not { } userName || !Users.TryGetValue(userName, out var user))
        {
            return Results.Challenge(new AuthenticationProperties { RedirectUri = context.Request.Path + context.Request.QueryString }, [Cookie]);
        }

        var identity = new ClaimsIdentity(authenticationType: "ExampleCorp", nameType: Claims.Name, roleType: Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, user.Subject));
        identity.AddClaim(new Claim(Claims.Name, user.Name));
        identity.AddClaim(new Claim(Claims.Email, user.Email));
        identity.AddClaim(new Claim(Claims.EmailVerified, user.EmailVerified ? "true" : "false", ClaimValueTypes.Boolean));
        foreach (var group in user.Groups)
        {
            identity.AddClaim(new Claim("groups", group));
        }

        if (user.Organisation is not null)
        {
            identity.AddClaim(new Claim("org", user.Organisation));
        }

        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>Userinfo answers with what the provider knows now (a changed address shows here at once).</summary>
    private async Task<IResult> UserInfoAsync(HttpContext context)
    {
        var token = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var subject = token.Principal?.GetClaim(Claims.Subject);
        var user = Users.Values.FirstOrDefault(u => u.Subject == subject);
        if (user is null)
        {
            return Results.Challenge(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var claims = new Dictionary<string, object?>
        {
            [Claims.Subject] = user.Subject,
            [Claims.Name] = user.Name,
            [Claims.Email] = user.Email,
            [Claims.EmailVerified] = user.EmailVerified,
            ["groups"] = user.Groups,
        };
        if (user.Organisation is not null)
        {
            claims["org"] = user.Organisation;
        }

        return Results.Json(claims);
    }

    private async Task<IResult> LogInAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var returnUrl = form["ReturnUrl"].ToString();
        if (!Users.TryGetValue(form["username"].ToString(), out var user) || user.Password != form["password"].ToString())
        {
            return Results.Content(LoginPage(returnUrl, "Wrong user name or password."), "text/html");
        }

        await context.SignInAsync(Cookie, new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user.UserName)], Cookie)));
        return Results.Redirect(returnUrl.StartsWith('/') ? returnUrl : "/");
    }

    private static string LoginPage(string returnUrl, string? error) =>
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Example Corp sign-in</title></head><body><main>"
        + "<h1>Example Corp</h1>" + (error is null ? string.Empty : $"<p role=\"alert\">{WebUtility.HtmlEncode(error)}</p>")
        + "<form method=\"post\" action=\"/login\">"
        + $"<input type=\"hidden\" name=\"ReturnUrl\" value=\"{WebUtility.HtmlEncode(returnUrl)}\">"
        + "<p><label for=\"username\">Username</label> <input id=\"username\" name=\"username\"></p>"
        + "<p><label for=\"password\">Password</label> <input id=\"password\" name=\"password\" type=\"password\"></p>"
        + "<p><button type=\"submit\">Sign in to Example Corp</button></p></form></main></body></html>";

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class ProviderDb(DbContextOptions<ProviderDb> options) : DbContext(options);
}

public sealed class ProviderUser
{
    public string UserName { get; init; } = string.Empty;

    public string Password { get; init; } = string.Empty;

    public string Subject { get; init; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public bool EmailVerified { get; set; }

    public string Name { get; set; } = string.Empty;

    public IReadOnlyList<string> Groups { get; set; } = [];

    public string? Organisation { get; set; }
}
