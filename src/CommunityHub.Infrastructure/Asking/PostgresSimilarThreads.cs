using System.Text.RegularExpressions;
using CommunityHub.Application.Asking;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Threads;
using CommunityHub.Infrastructure.Persistence;
using CommunityHub.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace CommunityHub.Infrastructure.Asking;

/// <summary>Similar threads by full-text ranking: the words of the text typed (stemmed, stop words dropped by
/// PostgreSQL's english configuration) are OR-ed into one tsquery, matched against the threads' stored title
/// vectors and (by default) their opening posts' vectors, each through its GIN index, and ranked by ts_rank with
/// a title match weighing double. OR, not AND: a paraphrase shares some words with the original, rarely all.
/// Visibility is the policy's (<see cref="ConversationPolicy.ThreadOpenTo"/>), in the same statement.</summary>
public sealed partial class PostgresSimilarThreads(CommunityDbContext db) : ISimilarThreads
{
    private const string Config = "english";

    public async Task<IReadOnlyList<SimilarThread>> FindAsync(string text, Viewer viewer, long? excluding, int take, CancellationToken cancellationToken, SimilarityMethod method = SimilarityMethod.TitlesAndQuestions) =>
        AnyWords(text) is { } query ? await Build(query, viewer, excluding, take, method).ToListAsync(cancellationToken) : [];

    /// <summary>The words of <paramref name="text"/> as a to_tsquery OR-expression ("export | csv | invoic"), or null when none.</summary>
    public static string? AnyWords(string? text)
    {
        var words = Word().Matches(text ?? string.Empty).Select(m => m.Value.ToLowerInvariant()).Where(w => w.Length > 1).Distinct().Take(20).ToList();
        return words.Count == 0 ? null : string.Join(" | ", words);
    }

    /// <summary>The whole query (the EXPLAIN test reads its SQL).</summary>
    public IQueryable<SimilarThread> Build(string anyWords, Viewer viewer, long? excluding, int take, SimilarityMethod method)
    {
        var withQuestions = method == SimilarityMethod.TitlesAndQuestions;
        var byTitle = db.Threads
            .Where(t => EF.Property<NpgsqlTsVector>(t, DiscussionThreadConfiguration.SearchVector).Matches(EF.Functions.ToTsQuery(Config, anyWords)))
            .Select(t => t.Id);
        var byQuestion = db.Posts
            .Where(p => withQuestions && p.IsOpeningPost && EF.Property<NpgsqlTsVector>(p, PostConfiguration.SearchVector).Matches(EF.Functions.ToTsQuery(Config, anyWords)))
            .Select(p => p.ThreadId);
        var candidates = withQuestions ? byTitle.Union(byQuestion) : byTitle;
        var listed = db.Posts.Where(ConversationPolicy.Listed<Post>(viewer));

        return (
                from t in db.Threads.AsNoTracking().Where(ConversationPolicy.ThreadOpenTo(viewer))
                where candidates.Contains(t.Id) && t.Id != excluding
                join p in db.Posts on t.Id equals p.ThreadId
                where p.IsOpeningPost
                let score = 2 * EF.Property<NpgsqlTsVector>(t, DiscussionThreadConfiguration.SearchVector).Rank(EF.Functions.ToTsQuery(Config, anyWords))
                    + (withQuestions ? EF.Property<NpgsqlTsVector>(p, PostConfiguration.SearchVector).Rank(EF.Functions.ToTsQuery(Config, anyWords)) : 0f)
                orderby score descending, t.Id descending
                select new SimilarThread(
                    t.Id,
                    t.Title,
                    t.Space!.Slug,
                    t.Space.Name,
                    t.AcceptedAnswerPostId != null,
                    listed.Where(a => a.Id == t.AcceptedAnswerPostId).Select(a => a.BodyHtml).FirstOrDefault(),
                    t.ReplyCount,
                    score))
            .Take(take);
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
