using CommunityHub.Domain.Members;

namespace CommunityHub.Application.Search;

/// <summary>Full-text search over thread titles and post bodies. PostgreSQL's (tsvector, GIN, ts_rank, ts_headline)
/// lives in Infrastructure; this is all the application needs of it.</summary>
public interface IPostSearch
{
    /// <summary>Threads with posts matching <paramref name="request"/> that <paramref name="viewer"/> may see, each
    /// once, ranked by its best-matching post, with up to <see cref="SearchRequest.PostsPerThread"/> of those posts
    /// (best first). Snippets come back as plain text with each matched word between <see cref="Snippets.Start"/> and
    /// <see cref="Snippets.Stop"/>.</summary>
    Task<IReadOnlyList<ThreadHit>> SearchAsync(SearchRequest request, Viewer viewer, CancellationToken cancellationToken);
}

/// <param name="Text">What the person typed, in web-search syntax ("quoted phrase", -excluded, or).</param>
/// <param name="AuthorName">Only posts by the member with this display name (case aside) or this handle.</param>
/// <param name="Skip">How many threads to skip (pages).</param>
/// <param name="Take">How many threads to return.</param>
/// <param name="Solved">Only posts of threads with an accepted answer (true) or without one (false).</param>
/// <param name="From">Only posts written at or after this moment.</param>
/// <param name="Before">Only posts written before this moment.</param>
/// <param name="TagId">Only posts of threads carrying this tag.</param>
public sealed record SearchRequest(string Text, int? SpaceId, string? AuthorName, int Skip, int Take, bool? Solved = null, DateTimeOffset? From = null, DateTimeOffset? Before = null, int? TagId = null)
{
    /// <summary>How many of a thread's matching posts come with it.</summary>
    public int PostsPerThread { get; init; } = 3;
}

/// <summary>A thread found, ranked by its best-matching post.</summary>
/// <param name="MatchCount">How many of its posts match, of which <see cref="Posts"/> holds the best few.</param>
public sealed record ThreadHit(long ThreadId, string ThreadTitle, string SpaceSlug, string SpaceName, bool IsSolved, int MatchCount, double Rank)
{
    /// <summary>For a thread of an Ideas space: its votes and status (null for any other thread).</summary>
    public IdeaSummary? Idea { get; init; }

    /// <summary>Its best-matching posts, best first.</summary>
    public IReadOnlyList<PostHit> Posts { get; init; } = [];
}

/// <summary>One matching post of a <see cref="ThreadHit"/>.</summary>
public sealed record PostHit(long PostId, long ThreadId, string AuthorName, DateTimeOffset CreatedAt, bool IsOpeningPost, string Snippet, double Rank);

/// <summary>An idea's votes and status, as search results show them.</summary>
public sealed record IdeaSummary(int Votes, Domain.Ideas.IdeaStatus Status);
