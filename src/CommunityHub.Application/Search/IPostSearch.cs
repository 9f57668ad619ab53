using CommunityHub.Domain.Members;

namespace CommunityHub.Application.Search;

/// <summary>Full-text search over thread titles and post bodies. PostgreSQL's (tsvector, GIN, ts_rank, ts_headline)
/// lives in Infrastructure; this is all the application needs of it.</summary>
public interface IPostSearch
{
    /// <summary>Posts matching <paramref name="request"/> that <paramref name="viewer"/> may see, best first.
    /// Snippets come back as plain text with each matched word between <see cref="Snippets.Start"/> and <see cref="Snippets.Stop"/>.</summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(SearchRequest request, Viewer viewer, CancellationToken cancellationToken);
}

/// <param name="Text">What the person typed, in web-search syntax ("quoted phrase", -excluded, or).</param>
/// <param name="Skip">How many hits to skip (pages).</param>
/// <param name="Take">How many to return.</param>
/// <param name="Solved">Only posts of threads with an accepted answer (true) or without one (false).</param>
/// <param name="From">Only posts written at or after this moment.</param>
/// <param name="Before">Only posts written before this moment.</param>
public sealed record SearchRequest(string Text, int? SpaceId, string? AuthorName, int Skip, int Take, bool? Solved = null, DateTimeOffset? From = null, DateTimeOffset? Before = null);

public sealed record SearchHit(
    long PostId,
    long ThreadId,
    string ThreadTitle,
    string SpaceSlug,
    string SpaceName,
    string AuthorName,
    DateTimeOffset CreatedAt,
    bool IsOpeningPost,
    string Snippet,
    double Rank)
{
    /// <summary>For a thread of an Ideas space: its votes and status (null for any other thread).</summary>
    public IdeaSummary? Idea { get; init; }
}

/// <summary>An idea's votes and status, as search results show them.</summary>
public sealed record IdeaSummary(int Votes, Domain.Ideas.IdeaStatus Status);
