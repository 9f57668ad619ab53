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
/// the application's own rule (<see cref="ConversationPolicy.Listed{TPost}"/>), applied in the same statement.</summary>
public sealed class PostgresPostSearch(CommunityDbContext db) : IPostSearch
{
    public const string Config = "english";

    /// <summary>A tag of the rendered post: snippets are cut from what readers see (the rendered text, its entities
    /// decoded by <see cref="Snippets"/>), never from the Markdown someone typed.</summary>
    private const string Tag = "<[^>]*>";

    // ts_headline marks matches with control characters that Snippets turns into <mark> after escaping the rest.
    private static readonly string HeadlineOptions =
        $"StartSel={Snippets.Start}, StopSel={Snippets.Stop}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"";

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(SearchRequest request, Viewer viewer, CancellationToken cancellationToken) =>
        await Build(request, viewer).ToListAsync(cancellationToken);

    /// <summary>The whole search as one composable query (the EXPLAIN test reads its SQL).</summary>
    internal IQueryable<SearchHit> Build(SearchRequest request, Viewer viewer)
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

        var spaceId = request.SpaceId;
        var (solved, since, before) = (request.Solved, request.From, request.Before);
        // The exact name, case aside: ILIKE with its wildcards escaped.
        var author = request.AuthorName?.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
        var hits =
            from p in db.Posts.AsNoTracking().Where(ConversationPolicy.Listed<Post>(viewer))
            where matching.Contains(p.Id)
            join t in db.Threads on p.ThreadId equals t.Id
            join s in db.Spaces on t.SpaceId equals s.Id
            join m in db.Members on p.AuthorId equals m.Id
            where spaceId == null || t.SpaceId == spaceId
            where author == null || EF.Functions.ILike(m.DisplayName, author)
            where solved == null || (t.AcceptedAnswerPostId != null) == solved
            where since == null || p.CreatedAt >= since
            where before == null || p.CreatedAt < before
            // A title match counts double, and only for the opening post (the thread itself).
            let rank = EF.Property<NpgsqlTsVector>(p, PostConfiguration.SearchVector).Rank(EF.Functions.WebSearchToTsQuery(Config, text))
                + (p.IsOpeningPost ? 2 * EF.Property<NpgsqlTsVector>(t, DiscussionThreadConfiguration.SearchVector).Rank(EF.Functions.WebSearchToTsQuery(Config, text)) : 0f)
            orderby rank descending, p.Id descending
            select new SearchHit(
                p.Id,
                t.Id,
                t.Title,
                s.Slug,
                s.Name,
                m.DisplayName,
                p.CreatedAt,
                p.IsOpeningPost,
                EF.Functions.WebSearchToTsQuery(Config, text).GetResultHeadline(Config, Regex.Replace(p.BodyHtml, Tag, " "), HeadlineOptions),
                rank)
            {
                // Ideas show their votes and status (issue 15); the thread's idea row, by its key.
                Idea = s.IsIdeas ? db.Ideas.Where(i => i.ThreadId == t.Id).Select(i => new IdeaSummary(i.VoteCount, i.Status)).FirstOrDefault() : null,
            };
        return hits.Skip(request.Skip).Take(request.Take);
    }
}
