using CommunityHub.Domain.Common;
using CommunityHub.Domain.Tags;

namespace CommunityHub.Application.Tags;

/// <summary>How a form's tags become a thread's: the names read from the form, and the tags found for them. The
/// queries that find them ride along in each use case's own statement (starting a thread, retagging one).</summary>
public static class ThreadTagging
{
    /// <summary>The distinct, normalised names of a form (a field may also hold several, comma-separated). A form
    /// naming more tags than a thread may carry is refused at once, before any query.</summary>
    public static List<string> Names(IEnumerable<string>? names)
    {
        var wanted = (names ?? []).SelectMany(n => (n ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(Tag.Normalise).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count > Tagging.MaxPerThread)
        {
            throw new DomainException($"A thread carries at most {Tagging.MaxPerThread} tags; {wanted.Count} were chosen. Keep the ones that say most.");
        }

        return wanted;
    }

    /// <summary>The tags found for <paramref name="wanted"/>; an unknown name is refused with a message.</summary>
    public static IReadOnlyList<TagChoice> Known(IReadOnlyCollection<string> wanted, IReadOnlyCollection<TagChoice> found)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(found);
        var unknown = wanted.Where(n => !found.Any(t => t.Name == n)).ToList();
        if (unknown.Count > 0)
        {
            throw new DomainException(unknown.Count == 1
                ? $"There is no tag \u201c{unknown[0]}\u201d. Choose from the tags offered."
                : $"There are no tags {string.Join(", ", unknown.Select(n => $"\u201c{n}\u201d"))}. Choose from the tags offered.");
        }

        return [.. found];
    }
}
