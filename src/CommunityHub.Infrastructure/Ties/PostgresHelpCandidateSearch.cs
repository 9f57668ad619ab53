using CommunityHub.Application.Ties;
using CommunityHub.Domain.Reciprocity;
using CommunityHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommunityHub.Infrastructure.Ties;

/// <summary>The thread's title and opening post become an OR of their stemmed words; each helped thread's opening
/// post is ranked against it through its stored tsvector (the GIN index finds the matches), and the ranks are summed
/// per helper. Help in the same space counts even without shared words.</summary>
internal sealed class PostgresHelpCandidateSearch(CommunityDbContext db) : IHelpCandidateSearch
{
    public async Task<IReadOnlyList<HelpHistory>> CandidatesAsync(long threadId, int limit, CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<HelpHistory>(
                """
                WITH target AS (
                    SELECT t.id, t.space_id, t.author_id,
                           (SELECT to_tsquery('simple', string_agg(quote_literal(w), ' | '))
                            FROM unnest(tsvector_to_array(to_tsvector('english'::regconfig, t.title || ' ' || p.body))) AS w) AS query
                    FROM threads AS t JOIN posts AS p ON p.thread_id = t.id AND p.is_opening_post
                    WHERE t.id = @thread)
                SELECT r.to_member_id AS member_id,
                       COALESCE(SUM(CASE WHEN target.query IS NOT NULL AND hp.search_vector @@ target.query THEN ts_rank(hp.search_vector, target.query) ELSE 0 END), 0)::float8 AS similarity,
                       (COUNT(*) FILTER (WHERE ht.space_id = target.space_id))::int AS help_in_space,
                       MAX(r.created_at) AS last_help_at
                FROM target
                JOIN reciprocity_records AS r ON r.retracted_at IS NULL AND r.kind IN (@helped, @accepted)
                     AND r.thread_id <> target.id AND r.to_member_id <> target.author_id
                JOIN threads AS ht ON ht.id = r.thread_id
                JOIN posts AS hp ON hp.thread_id = ht.id AND hp.is_opening_post
                WHERE (target.query IS NOT NULL AND hp.search_vector @@ target.query) OR ht.space_id = target.space_id
                GROUP BY r.to_member_id
                ORDER BY 2 DESC, 3 DESC, 1
                LIMIT @limit
                """,
                new NpgsqlParameter<long>("thread", threadId),
                new NpgsqlParameter<short>("helped", (short)ReciprocityKind.Helped),
                new NpgsqlParameter<short>("accepted", (short)ReciprocityKind.AcceptedAnswer),
                new NpgsqlParameter<int>("limit", limit))
            .ToListAsync(cancellationToken);
}
