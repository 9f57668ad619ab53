namespace CommunityHub.Web.Authentication;

/// <summary>The origins of the configured providers. "Continue with …" is a form posted here that the server answers
/// with a redirect to the provider, and browsers hold that redirect to the sign-in page's CSP <c>form-action</c>:
/// those origins (and only those) are added to it.</summary>
public sealed record FormActionOrigins(IReadOnlyList<string> Origins)
{
    public static string Apply(string policy, FormActionOrigins? extra) =>
        extra is null || extra.Origins.Count == 0
            ? policy
            : policy.Replace("form-action 'self'", "form-action 'self' " + string.Join(' ', extra.Origins), StringComparison.Ordinal);
}
