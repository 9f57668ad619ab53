using System.Net;
using System.Text.RegularExpressions;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Threads;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Common.Posting;

/// <summary>What a card shows of a thread a post links to.</summary>
public sealed record ThreadCard(long Id, string Title, string SpaceName, bool IsSolved);

/// <summary>A link to another thread of the community, pasted on its own line, shows as a small card (title, space,
/// solved or not), read from our own database: no request leaves the server. Only a thread the reader may open
/// (<see cref="ConversationPolicy.ThreadOpenTo"/>) becomes a card; any other stays the plain link it was, revealing
/// nothing. All the cards of a page cost one statement, and none when no post has such a link.</summary>
public sealed partial class ThreadCards(ICommunityDb db, IThreadAddresses addresses)
{
    /// <summary>A paragraph the Markdown renderer marked as holding only a link (sanitised HTML, so its shape is fixed).</summary>
    [GeneratedRegex("""<p class="bare-link">\s*<a href="(?<href>[^"]*)"[^>]*>.*?</a>\s*</p>""", RegexOptions.Singleline | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex BareLink();

    /// <summary>The threads <paramref name="html"/> links to on a line of their own, in order.</summary>
    public IReadOnlyList<long> LinkedThreads(string html) =>
        [.. BareLink().Matches(html).Select(m => addresses.ThreadIdOf(WebUtility.HtmlDecode(m.Groups["href"].Value))).OfType<long>()];

    /// <summary><paramref name="bodies"/> (rendered posts) with their links to threads <paramref name="viewer"/> may open shown as cards.</summary>
    public async Task<IReadOnlyList<string>> ShowAsync(IReadOnlyList<string> bodies, Viewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        var ids = bodies.SelectMany(LinkedThreads).Distinct().ToList();
        if (ids.Count == 0)
        {
            return bodies;
        }

        var cards = await db.Threads.AsNoTracking()
            .Where(ConversationPolicy.ThreadOpenTo(viewer))
            .Where(t => ids.Contains(t.Id))
            .Select(t => new ThreadCard(t.Id, t.Title, t.Space!.Name, t.AcceptedAnswerPostId != null))
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        return [.. bodies.Select(body => Show(body, cards))];
    }

    private string Show(string body, Dictionary<long, ThreadCard> cards) =>
        BareLink().Replace(body, match =>
            addresses.ThreadIdOf(WebUtility.HtmlDecode(match.Groups["href"].Value)) is { } id && cards.TryGetValue(id, out var card)
                ? Card(match.Groups["href"].Value, card)
                : match.Value);

    /// <summary>The card: the thread's title as the link (its address as the member wrote it, already encoded), its space,
    /// and whether it is solved.</summary>
    private static string Card(string encodedHref, ThreadCard card)
    {
        var solved = card.IsSolved ? " · <strong class=\"thread-card-solved\">Solved</strong>" : string.Empty;
        return $"<p class=\"thread-card\"><a href=\"{encodedHref}\">{WebUtility.HtmlEncode(card.Title)}</a> "
            + $"<span class=\"thread-card-meta\">in {WebUtility.HtmlEncode(card.SpaceName)}{solved}</span></p>";
    }
}
