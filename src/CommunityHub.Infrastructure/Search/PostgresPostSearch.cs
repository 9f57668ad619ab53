using System.Text.RegularExpressions;
using CommunityHub.Application.Search;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Threads;
using CommunityHub.Infrastructure.Persistence;
using CommunityHub.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace CommunityHub.Infrastructure.Search;

/// <summary>PostgreSQL full-text search: <c>websearch_to_tsquery</c> against the stored tsvectors of post bodies
/// and thread titles (GIN-indexed), ranked by <c>ts_rank</c>, with <c>ts_headline</c> snippets. Visibility is
/// the application's own rule (<see cref="ConversationPolicy.Listed{TPost}"/>), applied in the same statements.
/// Two statements whatever the page holds: one for the page of threads (each ranked by its best post), one for
/// the best few posts of those threads with their snippets.</summary>
public sealed class PostgresPostSearch(CommunityDbContext db) : IPostSearch
{
    public const string Config = "english";

    /// <summary>A tag of the rendered post: snippets are cut from what readers see (the rendered text, its entities
    /// decoded by <see cref="Snippets"/>), never from the Markdown someone typed.</summary>
    private const string Tag = "<[^>]*>";

    // ts_headline marks matches with control characters that Snippets turns into <mark> after escaping the rest.
    private static readonly string HeadlineOptions =
        $"StartSel={Snippets.Start}, StopSel={Snippets.Stop}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"";

    public async Task<IReadOnlyList<ThreadHit>> SearchAsync(SearchRequest request, Viewer viewer, CancellationToken cancellationToken)
    {
        var threads = await BuildThreads(request, viewer).ToListAsync(cancellationToken);
        if (threads.Count == 0)
        {
            return threads;
        }

        var posts = (await BuildPosts(request, viewer, [.. threads.Select(t => t.ThreadId)]).ToListAsync(cancellationToken)).ToLookup(p => p.ThreadId);
        return [.. threads.Select(t => t with { Posts = [.. posts[t.ThreadId].OrderByDescending(p => p.Rank).ThenByDescending(p => p.PostId)] })];
    }

    /// <summary>The page of threads: every matching post the viewer may see, grouped by thread, ranked by the best
    /// (the EXPLAIN test reads its SQL).</summary>
    internal IQueryable<ThreadHit> BuildThreads(SearchRequest request, Viewer viewer)
    {
        var best =
            from hit in Matching(request, viewer)
            group hit by hit.ThreadId into thread
            select new { ThreadId = thread.Key, Rank = thread.Max(h => h.Rank), Count = thread.Count() };
        var threads =
            from b in best
            join t in db.Threads on b.ThreadId equals t.Id
            join s in db.Spaces on t.SpaceId equals s.Id
            orderby b.Rank descending, t.Id descending
            select new ThreadHit(t.Id, t.Title, s.Slug, s.Name, t.AcceptedAnswerPostId != null, b.Count, b.Rank)
            {
                // Ideas show their votes and status (issue 15); the thread's idea row, by its key.
                Idea = s.IsIdeas ? db.Ideas.Where(i => i.ThreadId == t.Id).Select(i => new IdeaSummary(i.VoteCount, i.Status)).FirstOrDefault() : null,
            };
        return threads.Skip(request.Skip).Take(request.Take);
    }

    /// <summary>The best few matching posts of each of <paramref name="threadIds"/>, with their snippets; the snippet
    /// (ts_headline, the costly part) is cut only for the posts chosen.</summary>
    internal IQueryable<PostHit> BuildPosts(SearchRequest request, Viewer viewer, long[] threadIds)
    {
        var perThread = request.PostsPerThread;
        var matching = Matching(request, viewer);
        // Per thread of the page, its best few (a lateral join: PostgreSQL stops at the few it needs).
        var chosen = db.Threads
            .Where(t => threadIds.Contains(t.Id))
            .SelectMany(t => matching.Where(h => h.ThreadId == t.Id).OrderByDescending(h => h.Rank).ThenByDescending(h => h.PostId).Take(perThread));
        var text = request.Text;
        return
            from c in chosen
            join p in db.Posts on c.PostId equals p.Id
            join m in db.Members on p.AuthorId equals m.Id
            select new PostHit(
                p.Id,
                c.ThreadId,
                m.DisplayName,
                p.CreatedAt,
                p.IsOpeningPost,
                EF.Functions.WebSearchToTsQuery(Config, text).GetResultHeadline(Config, Regex.Replace(p.BodyHtml, Tag, " "), HeadlineOptions),
                c.Rank);
    }

    /// <summary>Every post that matches the words and the filters and that the viewer may find, with its rank.</summary>
    private IQueryable<MatchingPost> Matching(SearchRequest request, Viewer viewer)
    {
        var text = request.Text;
        // Each branch can use its own GIN index; their union is the set of matching posts.
        var byBody = db.Posts
            .Where(p => EF.Property<NpgsqlTsVector>(p, PostConfiguration.SearchVector).Matches(EF.Functions.WebSearchToTsQuery(Config, text)))
            .Select(p => p.Id);
        var byTitle =
            from t in db.Threads.Where(ConversationPolicy.ThreadOpenTo(viewer))
            where EF.Property<NpgsqlTsVector>(t, DiscussionThreadConfiguration.SearchVector).Matches(EF.Functions.WebSearchToTsQuery(Config, text))
            join p in db.Posts on t.Id equals p.ThreadId
            where p.IsOpeningPost
            select p.Id;
        var matching = byBody.Union(byTitle);

        var (spaceId, tagId) = (request.SpaceId, request.TagId);
        var (solved, since, before) = (request.Solved, request.From, request.Before);
        // The exact name, case aside: ILIKE with its wildcards escaped; or the handle, with or without its @.
        var author = request.AuthorName?.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
        var handle = request.AuthorName?.TrimStart('@').ToLowerInvariant();
        return
            from p in db.Posts.AsNoTracking().Where(ConversationPolicy.Listed<Post>(viewer))
            where matching.Contains(p.Id)
            join t in db.Threads on p.ThreadId equals t.Id
            join m in db.Members on p.AuthorId equals m.Id
            where spaceId == null || t.SpaceId == spaceId
            where tagId == null || db.ThreadTags.Any(tt => tt.ThreadId == t.Id && tt.TagId == tagId)
            where author == null || EF.Functions.ILike(m.DisplayName, author) || m.Handle == handle
            where solved == null || (t.AcceptedAnswerPostId != null) == solved
            where since == null || p.CreatedAt >= since
            where before == null || p.CreatedAt < before
            select new MatchingPost
            {
                PostId = p.Id,
                ThreadId = t.Id,
                // A title match counts double, and only for the opening post (the thread itself).
                Rank = EF.Property<NpgsqlTsVector>(p, PostConfiguration.SearchVector).Rank(EF.Functions.WebSearchToTsQuery(Config, text))
                    + (p.IsOpeningPost ? 2 * EF.Property<NpgsqlTsVector>(t, DiscussionThreadConfiguration.SearchVector).Rank(EF.Functions.WebSearchToTsQuery(Config, text)) : 0f),
            };
    }

    /// <summary>A row of <see cref="Matching"/> (member-initialised, so that EF can group and order by its parts).</summary>
    private sealed class MatchingPost
    {
        public long PostId { get; init; }

        public long ThreadId { get; init; }

        public float Rank { get; init; }
    }
}
