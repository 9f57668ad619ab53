namespace CommunityHub.Application.Account;

/// <summary>How members sign in (the <c>Authentication</c> section of the settings): local passwords, the OpenID
/// Connect providers, and whom two-factor authentication is required of.</summary>
public sealed class SingleSignOnOptions
{
    public const string Section = "Authentication";

    /// <summary>False is "SSO only": no registration, password sign-in or password reset; only the providers
    /// (and the admins' break-glass page) let people in.</summary>
    public bool LocalPasswords { get; set; } = true;

    /// <summary>Admins and moderators must turn on two-factor authentication before they use the site.</summary>
    public bool RequireTwoFactorForModerators { get; set; }

    /// <summary>The OpenID Connect providers by key; the key names the callback, <c>/signin-oidc-{key}</c>.</summary>
    public Dictionary<string, OidcProviderOptions> Providers { get; set; } = new(StringComparer.Ordinal);

    public OidcProviderOptions? Provider(string key) =>
        Providers.TryGetValue(key, out var provider) && provider.IsUsable ? provider : null;

    public IEnumerable<KeyValuePair<string, OidcProviderOptions>> UsableProviders =>
        Providers.Where(p => p.Value.IsUsable && ProviderKey.IsValid(p.Key)).OrderBy(p => p.Value.DisplayName, StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether two-factor is required of someone holding these roles.</summary>
    public bool RequiresTwoFactor(Func<string, bool> isInRole) =>
        RequireTwoFactorForModerators && (isInRole(Domain.Members.Roles.Admin) || isInRole(Domain.Members.Roles.Moderator));
}

public sealed class OidcProviderOptions
{
    /// <summary>"Example Corp": the button says "Continue with Example Corp".</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The issuer; its <c>/.well-known/openid-configuration</c> says everything else.</summary>
    public string Authority { get; set; } = string.Empty;

    public string ClientId { get; set; } = string.Empty;

    /// <summary>From configuration or the environment only (<c>Authentication__Providers__{key}__ClientSecret</c>).</summary>
    public string? ClientSecret { get; set; }

    public List<string> Scopes { get; set; } = [];

    /// <summary>Only for a provider on this machine in development and tests: allows an http authority.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Ask the provider's userinfo endpoint for claims the id token lacks (Okta, Google, Keycloak do).</summary>
    public bool UseUserInfoEndpoint { get; set; } = true;

    /// <summary>Treat every e-mail address from this provider as verified, for providers that never send an
    /// <c>email_verified</c> claim but verify addresses themselves (a company directory). Off by default.</summary>
    public bool AssumeEmailVerified { get; set; }

    public OidcClaimNames Claims { get; set; } = new();

    /// <summary>Values of the groups claim mapped to CommunityHub roles, e.g. {"community-moderators": "Moderator"}.
    /// The mapped roles follow the provider at every sign-in; other roles are left alone.</summary>
    public Dictionary<string, string> RoleMapping { get; set; } = new(StringComparer.Ordinal);

    public bool IsUsable => !string.IsNullOrWhiteSpace(DisplayName) && !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}

/// <summary>Which claims carry what; the defaults are the OpenID Connect standard claims.</summary>
public sealed class OidcClaimNames
{
    public string Subject { get; set; } = "sub";

    public string Email { get; set; } = "email";

    public string EmailVerified { get; set; } = "email_verified";

    public string Name { get; set; } = "name";

    /// <summary>A claim with the person's groups or roles (e.g. "groups", "roles"); empty for none.</summary>
    public string? Groups { get; set; }

    /// <summary>A claim naming the person's organisation (e.g. "org", "tid"); empty for none.</summary>
    public string? Organisation { get; set; }
}

public static class ProviderKey
{
    /// <summary>Lower-case letters, digits and hyphens: the key becomes part of the callback path and of the scheme's name.</summary>
    public static bool IsValid(string? key) =>
        key is { Length: >= 1 and <= 40 } && key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
