using CommunityHub.Domain.ApiTokens;

namespace CommunityHub.Application.ApiTokens;

/// <summary>Scopes as forms and the API spell them ("read", "write", "moderate", "admin").</summary>
public static class TokenScopes
{
    public static readonly IReadOnlyList<string> Names = ["read", "write", "moderate", "admin"];

    /// <summary>Scopes the validator has checked already.</summary>
    public static ApiScopes Parse(IEnumerable<string> names) =>
        TryParse(names, out var scopes) ? scopes : throw new ArgumentException("Scopes are read, write, moderate and admin.", nameof(names));

    public static bool TryParse(IEnumerable<string> names, out ApiScopes scopes)
    {
        ArgumentNullException.ThrowIfNull(names);
        scopes = ApiScopes.None;
        foreach (var name in names)
        {
            if (!Enum.TryParse<ApiScopes>(name, ignoreCase: true, out var one) || one == ApiScopes.None || !Names.Contains(name.ToLowerInvariant()))
            {
                return false;
            }

            scopes |= one;
        }

        return true;
    }
}
