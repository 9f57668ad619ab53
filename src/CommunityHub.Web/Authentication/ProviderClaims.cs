using System.Security.Claims;
using System.Text.Json;
using CommunityHub.Application.Account;

namespace CommunityHub.Web.Authentication;

/// <summary>Reads who the provider says someone is from the principal its handler validated, by the provider's claim names.</summary>
public static class ProviderClaims
{
    public static ProviderIdentity Read(string provider, OidcProviderOptions options, ClaimsPrincipal principal)
    {
        var names = options.Claims;
        var verified = options.AssumeEmailVerified || IsTrue(principal.FindFirst(names.EmailVerified)?.Value);
        var groups = string.IsNullOrWhiteSpace(names.Groups) ? [] : principal.FindAll(names.Groups).SelectMany(c => Values(c.Value)).Distinct(StringComparer.Ordinal).ToList();
        var organisation = string.IsNullOrWhiteSpace(names.Organisation) ? null : principal.FindFirst(names.Organisation)?.Value;
        return new ProviderIdentity(
            provider,
            principal.FindFirst(names.Subject)?.Value ?? string.Empty,
            principal.FindFirst(names.Email)?.Value,
            verified,
            principal.FindFirst(names.Name)?.Value,
            groups,
            organisation);
    }

    private static bool IsTrue(string? value) => bool.TryParse(value, out var flag) ? flag : value == "1";

    /// <summary>A groups claim is one value per claim, or a JSON array in one claim (as userinfo may send it).</summary>
    private static List<string> Values(string value)
    {
        if (value.StartsWith('['))
        {
            try
            {
                return JsonSerializer.Deserialize<List<string>>(value) ?? [];
            }
            catch (JsonException)
            {
                return [value];
            }
        }

        return [value];
    }
}
