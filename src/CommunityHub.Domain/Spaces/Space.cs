using CommunityHub.Domain.Common;

namespace CommunityHub.Domain.Spaces;

/// <summary>A place for one kind of conversation (a category). Its purpose statement tells members what belongs here.</summary>
public sealed class Space
{
    public const int NameMaxLength = 80;
    public const int PurposeMaxLength = 500;

    private Space(string name, string slug, string purpose, int position)
    {
        Name = name;
        Slug = slug;
        Purpose = purpose;
        Position = position;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public string Slug { get; private set; }

    public string Purpose { get; private set; }

    /// <summary>Order on the home page, lowest first.</summary>
    public int Position { get; private set; }

    // Denormalised so the home page is one cheap query; kept by the write path and by RecountCounters.
    public int ThreadCount { get; private set; }

    public DateTimeOffset? LastActivityAt { get; private set; }

    public long? LastActiveThreadId { get; private set; }

    /// <summary>Optimistic concurrency token, moved by <see cref="Edit"/> only. Not PostgreSQL's xmin: every new
    /// thread or reply rewrites the row's counters, so xmin would call a busy space changed all the time.</summary>
    public int Version { get; private set; }

    public static Space Create(string name, string slug, string purpose, int position) =>
        new(Guard.Text(name, NameMaxLength, "A space name"), ValidSlug(slug), Guard.Text(purpose, PurposeMaxLength, "A purpose statement"), position);

    public void Edit(string name, string slug, string purpose)
    {
        Name = Guard.Text(name, NameMaxLength, "A space name");
        Slug = ValidSlug(slug);
        Purpose = Guard.Text(purpose, PurposeMaxLength, "A purpose statement");
        Version++;
    }

    public void MoveTo(int position) => Position = position;

    private static string ValidSlug(string? slug)
    {
        var trimmedSlug = slug?.Trim() ?? string.Empty;
        if (!Spaces.Slug.IsValid(trimmedSlug))
        {
            throw new DomainException("A slug is lower-case letters, digits and single hyphens.");
        }

        return trimmedSlug;
    }
}
