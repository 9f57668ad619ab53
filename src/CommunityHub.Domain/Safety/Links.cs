using System.Text.RegularExpressions;

namespace CommunityHub.Domain.Safety;

/// <summary>The links in what someone wrote (bare addresses, Markdown links and autolinks alike), and their hosts.</summary>
public static partial class Links
{
    public static int Count(string body) => string.IsNullOrEmpty(body) ? 0 : LinkPattern().Count(body);

    /// <summary>The lower-case hosts the body links to, each once.</summary>
    public static IReadOnlyList<string> Hosts(string body) =>
        string.IsNullOrEmpty(body)
            ? []
            : [.. LinkPattern().Matches(body).Select(m => m.Groups["host"].Value.TrimEnd('.').ToLowerInvariant()).Where(h => h.Length > 0).Distinct(StringComparer.Ordinal)];

    /// <summary>The host of every link, in order, repeats included.</summary>
    public static IReadOnlyList<string> HostsInOrder(string body) =>
        string.IsNullOrEmpty(body) ? [] : [.. LinkPattern().Matches(body).Select(m => m.Groups["host"].Value.TrimEnd('.').ToLowerInvariant())];

    [GeneratedRegex(@"(?:https?://|\bwww\.)(?<host>[\p{L}\p{N}.-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LinkPattern();
}
