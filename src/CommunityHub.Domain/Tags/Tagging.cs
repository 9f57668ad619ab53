using CommunityHub.Domain.Common;

namespace CommunityHub.Domain.Tags;

/// <summary>A tag as a thread's tagging needs it: which group it belongs to.</summary>
public sealed record TagChoice(int Id, string Name, int? GroupId);

/// <summary>A tag group the thread's space requires ("pick a product").</summary>
public sealed record RequiredTagGroup(int Id, string Name);

/// <summary>The rules of a thread's set of tags, whoever chooses them.</summary>
public static class Tagging
{
    /// <summary>At most this many tags on one thread: tags sort, they do not describe.</summary>
    public const int MaxPerThread = 5;

    /// <summary>Checks a thread's new set of tags: within the limit, and one from every group the space requires.
    /// Returns the set without repeats; throws <see cref="DomainException"/> with the reason otherwise.</summary>
    public static IReadOnlyList<TagChoice> Check(IReadOnlyCollection<TagChoice> chosen, IReadOnlyCollection<RequiredTagGroup> required)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        ArgumentNullException.ThrowIfNull(required);
        var distinct = chosen.DistinctBy(t => t.Id).ToList();
        if (distinct.Count > MaxPerThread)
        {
            throw new DomainException($"A thread carries at most {MaxPerThread} tags; {distinct.Count} were chosen. Keep the ones that say most.");
        }

        var missing = required.Where(g => !distinct.Exists(t => t.GroupId == g.Id)).Select(g => g.Name).ToList();
        if (missing.Count > 0)
        {
            throw new DomainException($"This space asks for a tag from {string.Join(" and ", missing.Select(m => $"\u201c{m}\u201d"))}: pick one, so that the right people find the thread.");
        }

        return distinct;
    }
}
