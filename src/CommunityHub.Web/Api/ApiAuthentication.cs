using System.Security.Claims;
using System.Text.Encodings.Web;
using CommunityHub.Application.ApiTokens;
using CommunityHub.Domain.ApiTokens;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CommunityHub.Web.Api;

/// <summary>Bearer tokens for <c>/api/v1</c> and nowhere else: the API's endpoints name this scheme alone (so the sign-in
/// cookie counts for nothing there, and there is no CSRF surface), and the pages keep Identity's cookie as their only
/// scheme (so a token counts for nothing on a page). The principal carries the same claims the cookie does — member id
/// and roles — so <see cref="Identity.CurrentUser"/> and every use case's authorization work unchanged; the token's
/// scopes, already cut back to the member's current roles, travel as <c>scope</c> claims.</summary>
public sealed class ApiTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string ScopeClaim = "scope";
    public const string TokenIdClaim = "token_id";
    private const string FailureItem = "CommunityHub.ApiTokenFailure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Fail("The Authorization header takes a bearer token: \"Authorization: Bearer chub_…\".");
        }

        var secret = header["Bearer ".Length..].Trim();
        var outcome = await Context.RequestServices.GetRequiredService<IMediator>().Send(new AuthenticateApiToken.Query(secret), Context.RequestAborted);
        if (outcome.Holder is not { } holder)
        {
            return Fail(outcome.Failure switch
            {
                AuthenticateApiToken.Failure.Revoked => "This token was revoked.",
                AuthenticateApiToken.Failure.Expired => "This token has expired.",
                _ => "This is not a token of this community.",
            });
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, holder.MemberId.ToString()),
            new(ClaimTypes.Name, holder.DisplayName),
            new(TokenIdClaim, holder.TokenId.ToString()),
        };
        claims.AddRange(holder.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        claims.AddRange(ApiScopesRules.Names(holder.Scopes).Select(scope => new Claim(ScopeClaim, scope)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    private AuthenticateResult Fail(string why)
    {
        Context.Items[FailureItem] = why;
        return AuthenticateResult.Fail(why);
    }

    /// <summary>401 with <c>WWW-Authenticate</c> (RFC 6750) and a Problem Details body saying what was wrong.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var why = Context.Items[FailureItem] as string;
        Response.Headers.WWWAuthenticate = why is null
            ? "Bearer realm=\"CommunityHub API\""
            : $"Bearer realm=\"CommunityHub API\", error=\"invalid_token\", error_description=\"{why.Replace("\"", "'", StringComparison.Ordinal)}\"";
        await ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Not authenticated",
            why ?? "Send a token of this community: \"Authorization: Bearer chub_…\". Make one at /account/tokens. The sign-in cookie does not work on the API.");
    }

    /// <summary>403: the token lacks the scope the endpoint needs.</summary>
    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var needed = Context.GetEndpoint()?.Metadata.GetMetadata<ApiScopeMetadata>()?.Scope;
        Response.Headers.WWWAuthenticate = $"Bearer realm=\"CommunityHub API\", error=\"insufficient_scope\", scope=\"{needed}\"";
        await ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Missing scope",
            $"This token lacks the \"{needed}\" scope this endpoint needs.");
    }
}

/// <summary>Which scope an endpoint needs (also named in the OpenAPI document and in a 403).</summary>
public sealed record ApiScopeMetadata(string Scope);

public static class ApiScopePolicies
{
    public static string For(ApiScopes scope) => "api:" + scope.ToString().ToLowerInvariant();

    /// <summary>The endpoint accepts only a token, and only one carrying <paramref name="scope"/>.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, ApiScopes scope) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(For(scope)).WithMetadata(new ApiScopeMetadata(scope.ToString().ToLowerInvariant()));

    public static IServiceCollection AddApiTokenAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(For(ApiScopes.Read), Policy(ApiScopes.Read))
            .AddPolicy(For(ApiScopes.Write), Policy(ApiScopes.Write))
            .AddPolicy(For(ApiScopes.Moderate), Policy(ApiScopes.Moderate))
            .AddPolicy(For(ApiScopes.Admin), Policy(ApiScopes.Admin));
        return services;
    }

    private static Action<Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder> Policy(ApiScopes scope) => policy => policy
        .AddAuthenticationSchemes(ApiTokenHandler.SchemeName)
        .RequireAuthenticatedUser()
        .RequireClaim(ApiTokenHandler.ScopeClaim, scope.ToString().ToLowerInvariant());
}
