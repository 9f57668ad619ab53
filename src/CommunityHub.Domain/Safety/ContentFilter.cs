using System.Text.RegularExpressions;

namespace CommunityHub.Domain.Safety;

/// <summary>What the filter made of a post: its body (with replacements), a refusal, or reasons to hold it.</summary>
public sealed record FilterOutcome(string Body, string? Refusal, IReadOnlyList<string> Holds, int CountedLinks);

/// <summary>Applies the admins' watched words and link rules to what someone is about to post. A pattern that takes
/// longer than <see cref="WatchedWord.MatchTimeout"/> holds the post for a moderator, saying which pattern (a slow
/// expression must not take the post form down, nor let through what it was written to catch).</summary>
public static class ContentFilter
{
    public const string DefaultBlockMessage = "Your post contains a word this community does not accept. Rephrase it and post again.";

    public static FilterOutcome Apply(string title, string body, IReadOnlyCollection<WatchedWord> words, IReadOnlyCollection<LinkRule> links)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(links);
        title ??= string.Empty;
        var holds = new List<string>();
        foreach (var word in words)
        {
            var regex = word.ToRegex();
            try
            {
                switch (word.Action)
                {
                    case WatchedWordAction.Block when regex.IsMatch(title) || regex.IsMatch(body):
                        return new FilterOutcome(body, word.Message ?? DefaultBlockMessage, [], 0);
                    case WatchedWordAction.RequireApproval when regex.IsMatch(title) || regex.IsMatch(body):
                        holds.Add($"watched word \u201c{word.Pattern}\u201d");
                        break;
                    case WatchedWordAction.Replace:
                        body = regex.Replace(body, m => word.Replacement ?? new string('*', m.Length));
                        break;
                }
            }
            catch (RegexMatchTimeoutException)
            {
                holds.Add($"watched pattern \u201c{word.Pattern}\u201d took too long to check");
            }
        }

        var hosts = Links.Hosts(body);
        if (hosts.FirstOrDefault(h => links.Any(r => r.Kind == LinkRuleKind.Block && r.Covers(h))) is { } blocked)
        {
            return new FilterOutcome(body, $"Links to {blocked} are not allowed in this community. Remove the link and post again.", [], 0);
        }

        var allowed = hosts.Where(h => links.Any(r => r.Kind == LinkRuleKind.Allow && r.Covers(h))).ToHashSet(StringComparer.Ordinal);
        var counted = allowed.Count == 0 ? Links.Count(body) : Math.Max(0, Links.Count(body) - CountLinksTo(body, allowed));
        return new FilterOutcome(body, null, holds, counted);
    }

    private static int CountLinksTo(string body, HashSet<string> hosts) =>
        Links.HostsInOrder(body).Count(hosts.Contains);
}
