using System.Diagnostics;
using CommunityHub.Application.Asking;
using CommunityHub.Application.Threads;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Spaces;
using CommunityHub.Infrastructure.Persistence;
using CommunityHub.Testing;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CommunityHub.Benchmarks;

/// <summary>How well "similar threads while asking" finds the thread a paraphrased title is about
/// (<see cref="SimilarTitles"/>: recall@5 and MRR), for the methods the app can use and for pg_trgm word similarity
/// on titles (measured here only, for the comparison), with the median time per query.</summary>
internal static class SimilarThreadsBenchmark
{
    public static async Task<int> RunAsync(int distractors)
    {
        await using var server = await PostgresServer.StartAsync();
        var connectionString = await server.CreateDatabaseAsync("communityhub_similar");
        Console.WriteLine($"PostgreSQL: {server.Description}");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var user = new TestCurrentUser();
        await using var services = DatabaseBenchmark.Build(connectionString, clock, user, tieBookkeeping: true,
            // The benchmark's asker has no account to confirm.
            new Dictionary<string, string?> { ["Identity:RequireConfirmedEmail"] = "false" });
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemo: false, CancellationToken.None);
            var db = scope.ServiceProvider.GetRequiredService<CommunityDbContext>();
            db.Spaces.Add(Space.Create("Questions", "questions", "Benchmark space.", 1));
            var member = Member.Join(Guid.CreateVersion7(), "Asker", "asker", clock.GetUtcNow());
            db.Members.Add(member);
            await db.SaveChangesAsync();
            user.ActAs(member.Id, Roles.Member);
        }

        var originals = new List<long>();
        await using (var scope = services.CreateAsyncScope())
        {
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            foreach (var c in SimilarTitles.Cases)
            {
                originals.Add((await mediator.Send(new StartThread.Command { SpaceSlug = "questions", Title = c.Title, Body = c.Question, SubmissionId = Guid.NewGuid() })).ThreadId);
            }

            foreach (var title in SimilarTitles.Distractors(distractors))
            {
                await mediator.Send(new StartThread.Command { SpaceSlug = "questions", Title = title, Body = "Just wondering about this one.", SubmissionId = Guid.NewGuid() });
            }
        }

        Console.WriteLine($"{SimilarTitles.Cases.Count} paraphrased titles against {SimilarTitles.Cases.Count} originals and {distractors} other threads");
        Console.WriteLine($"{"method",-34} {"recall@5",9} {"MRR",6} {"median ms",10}");
        foreach (var method in Enum.GetValues<SimilarityMethod>())
        {
            await MeasureAsync($"full text, {method}", originals, async text =>
            {
                await using var scope = services.CreateAsyncScope();
                var found = await scope.ServiceProvider.GetRequiredService<ISimilarThreads>().FindAsync(text, Viewer.Anonymous, null, 5, CancellationToken.None, method);
                return found.Select(t => t.ThreadId).ToList();
            });
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_trgm", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        foreach (var (name, sql) in new[]
                 {
                     ("pg_trgm similarity, titles", "SELECT id FROM threads ORDER BY similarity(@q, title) DESC, id DESC LIMIT 5"),
                     ("pg_trgm word_similarity, titles", "SELECT id FROM threads ORDER BY word_similarity(@q, title) DESC, id DESC LIMIT 5"),
                 })
        {
            await MeasureAsync(name, originals, async text =>
            {
                await using var command = new NpgsqlCommand(sql, connection);
                command.Parameters.AddWithValue("q", text);
                var ids = new List<long>();
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    ids.Add(reader.GetInt64(0));
                }

                return ids;
            });
        }

        return 0;
    }

    private static async Task MeasureAsync(string name, List<long> originals, Func<string, Task<List<long>>> find)
    {
        var ranks = new List<int?>();
        var times = new List<double>();
        for (var i = 0; i < SimilarTitles.Cases.Count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var found = await find(SimilarTitles.Cases[i].Paraphrase);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var rank = found.IndexOf(originals[i]);
            ranks.Add(rank < 0 ? null : rank);
        }

        var (recall, mrr) = SimilarTitles.Score(ranks);
        times.Sort();
        Console.WriteLine($"{name,-34} {recall,9:0.00} {mrr,6:0.00} {times[times.Count / 2],10:0.0}");
    }
}
