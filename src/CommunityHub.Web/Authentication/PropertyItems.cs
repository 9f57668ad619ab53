namespace CommunityHub.Web.Authentication;

internal static class PropertyItems
{
    /// <summary>An item of <see cref="Microsoft.AspNetCore.Authentication.AuthenticationProperties.Items"/>, or null.</summary>
    public static string? GetItem(this IDictionary<string, string?> items, string key) => items.TryGetValue(key, out var value) ? value : null;
}
