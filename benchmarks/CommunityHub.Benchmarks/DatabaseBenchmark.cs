using System.Diagnostics;
using System.Text.RegularExpressions;
using CommunityHub.Application;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Members;
using CommunityHub.Application.Threads;
using CommunityHub.Application.Ties;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Spaces;
using CommunityHub.Domain.Ties;
using CommunityHub.Infrastructure;
using CommunityHub.Infrastructure.Persistence;
using CommunityHub.Testing;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using NpgsqlTypes;

namespace CommunityHub.Benchmarks;

/// <summary>A measured run on a real PostgreSQL (the same server the tests use: an existing one from
/// COMMUNITYHUB_TEST_POSTGRES, Testcontainers, or a throwaway local cluster). Bounded in count.</summary>
internal static partial class DatabaseBenchmark
{
    public static async Task<int> RunAsync(int replies, int pairs)
    {
        await using var server = await PostgresServer.StartAsync();
        var connectionString = await server.CreateDatabaseAsync("communityhub_benchmark");
        Console.WriteLine($"PostgreSQL: {server.Description}");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var user = new TestCurrentUser();

        await using var withTies = Build(connectionString, clock, user, tieBookkeeping: true);
        await using var withoutTies = Build(connectionString, clock, user, tieBookkeeping: false);
        await using (var scope = withTies.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemo: false, CancellationToken.None);
        }

        await RepliesAsync(withTies, withoutTies, clock, user, replies);
        return await StrongestTiesAsync(withTies, clock, user, pairs);
    }

    internal static ServiceProvider Build(string connectionString, TimeProvider clock, ICurrentUser user, bool tieBookkeeping, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?> { ["ConnectionStrings:Community"] = connectionString };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddDataProtection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(clock);
        services.AddSingleton(user);
        services.AddApplication();
        services.AddInfrastructure(configuration);
        if (!tieBookkeeping)
        {
            foreach (var registration in services.Where(s => s.ImplementationType == typeof(TieBookkeeping)).ToList())
            {
                services.Remove(registration);
            }
        }

        return services.BuildServiceProvider();
    }

    /// <summary>Replies through the mediator (validation, transaction, counters, and the tie bookkeeping or
    /// not), alternating the two set-ups in rounds so that both meet the same database state.</summary>
    private static async Task RepliesAsync(ServiceProvider withTies, ServiceProvider withoutTies, FakeTimeProvider clock, TestCurrentUser user, int replies)
    {
        var members = new List<Guid>();
        await using (var scope = withTies.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CommunityDbContext>();
            db.Spaces.Add(Space.Create("Questions", "questions", "Benchmark space.", 1));
            for (var i = 0; i < 40; i++)
            {
                var member = Member.Join(Guid.CreateVersion7(), $"Member {i}", $"member-{i}", clock.GetUtcNow());
                db.Members.Add(member);
                members.Add(member.Id);
            }

            await db.SaveChangesAsync();
        }

        var random = new Random(11);
        var timings = new Dictionary<bool, List<double>> { [true] = [], [false] = [] };
        var rounds = 4;
        for (var round = 0; round < rounds * 2; round++)
        {
            var ties = round % 2 == 0;
            var provider = ties ? withTies : withoutTies;
            var threads = new List<long>();
            for (var i = 0; i < replies / rounds; i++)
            {
                clock.Advance(TimeSpan.FromMinutes(random.Next(1, 120)));
                user.ActAs(members[random.Next(members.Count)], Roles.Member);
                await using var scope = provider.CreateAsyncScope();
                var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
                if (threads.Count == 0 || random.Next(6) == 0)
                {
                    threads.Add((await mediator.Send(new StartThread.Command { SpaceSlug = "questions", Title = $"Thread {round}-{i}", Body = "A question with a few words in it.", SubmissionId = Guid.NewGuid() })).ThreadId);
                    continue;
                }

                var mention = random.Next(4) == 0 ? $" @member-{random.Next(members.Count)}" : string.Empty;
                var command = new ReplyToThread.Command
                {
                    SpaceSlug = "questions",
                    ThreadId = threads[random.Next(threads.Count)],
                    Body = "An answer of a sentence or two, with enough words to count." + mention,
                    SubmissionId = Guid.NewGuid(),
                };
                var stopwatch = Stopwatch.StartNew();
                await mediator.Send(command);
                if (round >= 2)
                {
                    // The first round of each is warm-up (JIT, connection pool, plans).
                    timings[ties].Add(stopwatch.Elapsed.TotalMilliseconds);
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine("Reply posting through the mediator (one transaction each), after warm-up:");
        Console.WriteLine($"  {"",-28}{"replies",8}{"mean",10}{"p50",10}{"p95",10}");
        foreach (var (label, ties) in new[] { ("with tie bookkeeping", true), ("without tie bookkeeping", false) })
        {
            var t = timings[ties];
            Console.WriteLine($"  {label,-28}{t.Count,8}{t.Average(),9:0.00}ms{Percentile(t, 50),8:0.00}ms{Percentile(t, 95),8:0.00}ms");
        }

        Console.WriteLine($"  tie bookkeeping costs {timings[true].Average() - timings[false].Average():0.00} ms per reply (mean), {Percentile(timings[true], 50) - Percentile(timings[false], 50):0.00} ms (p50)");
    }

    /// <summary>A million pairs among 20,000 members, copied in; then a member's ten strongest ties, timed,
    /// and the plan of the query behind it, which must read the (member, strength) indexes.</summary>
    private static async Task<int> StrongestTiesAsync(ServiceProvider services, FakeTimeProvider clock, TestCurrentUser user, int pairs)
    {
        const int perMember = 50;
        var memberCount = Math.Max(perMember * 3, pairs / perMember);
        var members = Enumerable.Range(0, memberCount).Select(_ => Guid.CreateVersion7()).ToArray();
        var now = clock.GetUtcNow();
        var options = TieOptions.Default;
        var scorer = new TieScorer(options);
        var random = new Random(13);
        var stopwatch = Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CommunityDbContext>();
            await db.Database.OpenConnectionAsync();
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using (var copy = await connection.BeginBinaryImportAsync("COPY members (id, display_name, handle, joined_at) FROM STDIN (FORMAT BINARY)"))
            {
                for (var i = 0; i < members.Length; i++)
                {
                    await copy.WriteRowAsync(default, members[i], $"Load {i}", $"load-{i}", now.AddDays(-400));
                }

                await copy.CompleteAsync();
            }

            await using (var copy = await connection.BeginBinaryImportAsync(
                "COPY ties (member_low_id, member_high_id, as_of, first_at, last_at, has_direct, contact, intensity, confiding_low_to_high, confiding_high_to_low, service_low_to_high, service_high_to_low, strength_at_update) FROM STDIN (FORMAT BINARY)"))
            {
                var written = 0;
                for (var i = 0; i < members.Length && written < pairs; i++)
                {
                    for (var k = 1; k <= perMember && written < pairs; k++, written++)
                    {
                        var pair = MemberPair.Of(members[i], members[(i + k) % members.Length]);
                        var last = now.AddHours(-random.Next(0, 24 * 365));
                        var state = new TieState(pair, last, last.AddDays(-random.Next(0, 300)), last, random.Next(4) != 0,
                            random.NextDouble() * 6, random.NextDouble() * 5, random.NextDouble() * 2, random.NextDouble() * 2, random.NextDouble() * 3, random.NextDouble() * 3);
                        await copy.StartRowAsync();
                        await copy.WriteAsync(pair.Low, NpgsqlDbType.Uuid);
                        await copy.WriteAsync(pair.High, NpgsqlDbType.Uuid);
                        await copy.WriteAsync(state.AsOf, NpgsqlDbType.TimestampTz);
                        await copy.WriteAsync(state.FirstAt, NpgsqlDbType.TimestampTz);
                        await copy.WriteAsync(state.LastAt, NpgsqlDbType.TimestampTz);
                        await copy.WriteAsync(state.HasDirect, NpgsqlDbType.Boolean);
                        foreach (var value in new[] { state.Contact, state.Intensity, state.ConfidingLowToHigh, state.ConfidingHighToLow, state.ServiceLowToHigh, state.ServiceHighToLow, scorer.Score(state, state.AsOf).Strength })
                        {
                            await copy.WriteAsync(value, NpgsqlDbType.Double);
                        }
                    }
                }

                await copy.CompleteAsync();
            }

            await db.Database.ExecuteSqlRawAsync("ANALYZE members; ANALYZE ties;");
        }

        int tieCount;
        await using (var scope = services.CreateAsyncScope())
        {
            tieCount = await scope.ServiceProvider.GetRequiredService<CommunityDbContext>().Ties.CountAsync();
        }

        Console.WriteLine();
        Console.WriteLine($"Loaded {tieCount:N0} ties among {members.Length:N0} members in {stopwatch.Elapsed.TotalSeconds:0.0} s.");

        var sample = Enumerable.Range(0, 200).Select(_ => members[random.Next(members.Length)]).ToList();
        var top = new List<double>();
        var mean = new List<double>();
        var profile = new List<double>();
        foreach (var member in sample.Take(20))
        {
            // Warm-up.
            await using var scope = services.CreateAsyncScope();
            await TieQueries.StrongestAsync(scope.ServiceProvider.GetRequiredService<ICommunityDb>(), scorer, member, 10, now, CancellationToken.None);
        }

        foreach (var member in sample)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ICommunityDb>();
            var watch = Stopwatch.StartNew();
            var strongest = await TieQueries.StrongestAsync(db, scorer, member, 10, now, CancellationToken.None);
            top.Add(watch.Elapsed.TotalMilliseconds);
            if (strongest.Count != 10)
            {
                throw new InvalidOperationException($"Expected ten ties, got {strongest.Count}.");
            }

            watch.Restart();
            await TieQueries.StandingAsync(db, scorer, member, now, CancellationToken.None);
            mean.Add(watch.Elapsed.TotalMilliseconds);
        }

        // Scored ties are shown to the member and the staff side: measure the profile as staff sees it.
        user.ActAs(members[0], CommunityHub.Domain.Members.Roles.Staff);
        foreach (var i in Enumerable.Range(0, 50))
        {
            await using var scope = services.CreateAsyncScope();
            var watch = Stopwatch.StartNew();
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetProfile.Query($"load-{random.Next(members.Length)}"));
            profile.Add(watch.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"A member's strongest ties among {tieCount:N0} pairs (each member has ~{2 * perMember}):");
        Console.WriteLine($"  {"",-34}{"runs",6}{"p50",10}{"p95",10}");
        Console.WriteLine($"  {"top 10 (threshold, two indexes)",-34}{top.Count,6}{Percentile(top, 50),8:0.00}ms{Percentile(top, 95),8:0.00}ms");
        Console.WriteLine($"  {"mean strength (all of a member's)",-34}{mean.Count,6}{Percentile(mean, 50),8:0.00}ms{Percentile(mean, 95),8:0.00}ms");
        Console.WriteLine($"  {"the whole profile query",-34}{profile.Count,6}{Percentile(profile, 50),8:0.00}ms{Percentile(profile, 95),8:0.00}ms");

        await StructureAsync(services, clock, tieCount);
        return await ExplainAsync(services, sample[0]);
    }

    /// <summary>The structural component at this size: the background pass per changed pair (what one reply
    /// queues), and the rebuild's computation of every pair's embeddedness.</summary>
    private static async Task StructureAsync(ServiceProvider services, FakeTimeProvider clock, int tieCount)
    {
        const int changes = 2_000;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CommunityDbContext>();
            await db.Database.ExecuteSqlRawAsync(
                $"INSERT INTO tie_structure_queue (member_low_id, member_high_id, queued_at) SELECT member_low_id, member_high_id, now() FROM ties TABLESAMPLE SYSTEM (1) LIMIT {changes} ON CONFLICT DO NOTHING");
        }

        var passes = new List<(double Ms, int Changes, int Ties)>();
        while (true)
        {
            await using var scope = services.CreateAsyncScope();
            var watch = Stopwatch.StartNew();
            var done = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RefreshTieStructure.Command(200));
            if (done.Changes == 0)
            {
                break;
            }

            passes.Add((watch.Elapsed.TotalMilliseconds, done.Changes, done.Ties));
        }

        List<TieState> states;
        await using (var scope = services.CreateAsyncScope())
        {
            states = [.. (await scope.ServiceProvider.GetRequiredService<CommunityDbContext>().Ties.AsNoTracking().ToListAsync()).Select(t => t.ToState())];
        }

        var rebuild = Stopwatch.StartNew();
        var withStructure = TieStructure.WithEmbeddedness(states, clock.GetUtcNow(), TieOptions.Default);
        rebuild.Stop();

        var changed = passes.Sum(p => p.Changes);
        Console.WriteLine();
        Console.WriteLine($"The structural component among {tieCount:N0} pairs:");
        Console.WriteLine($"  structure pass: {changed:N0} changed pairs in {passes.Count} passes of 200, {passes.Sum(p => p.Ties):N0} ties rescored, {passes.Sum(p => p.Ms) / Math.Max(1, changed):0.00} ms per changed pair (one reply changes one or two), {passes.Select(p => p.Ms).DefaultIfEmpty().Average():0} ms per pass");
        Console.WriteLine($"  rebuild: every pair's embeddedness computed in {rebuild.Elapsed.TotalSeconds:0.0} s ({withStructure.Count:N0} ties)");
    }

    /// <summary>EXPLAIN ANALYZE of the exact SQL EF Core sends for one side of the top-ties query.</summary>
    private static async Task<int> ExplainAsync(ServiceProvider services, Guid member)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDbContext>();
        var uses = true;
        Console.WriteLine();
        foreach (var side in new[] { "low", "high" })
        {
            var query = side == "low"
                ? db.Ties.Where(t => t.MemberLowId == member).OrderByDescending(t => t.StrengthAtUpdate).Take(30)
                : db.Ties.Where(t => t.MemberHighId == member).OrderByDescending(t => t.StrengthAtUpdate).Take(30);
            var sql = Inline(query.ToQueryString());
#pragma warning disable EF1003 // The SQL is EF Core's own, with our own generated ids written in.
            var plan = await db.Database.SqlQueryRaw<string>("EXPLAIN (ANALYZE, COSTS OFF) " + sql).ToListAsync();
#pragma warning restore EF1003
            Console.WriteLine($"Plan, strongest ties where the member is the pair's {side} side:");
            foreach (var line in plan)
            {
                Console.WriteLine("  " + line);
            }

            uses &= plan.Any(line => line.Contains($"Index Scan using ix_ties_member_{side}_id_strength_at_update", StringComparison.Ordinal));
        }

        Console.WriteLine(uses ? "Both sides read their (member, strength) index." : "NOT using the (member, strength) indexes.");
        return uses ? 0 : 1;
    }

    /// <summary>ToQueryString's SQL with its parameters written in, for EXPLAIN.</summary>
    private static string Inline(string sql)
    {
        var lines = sql.Split('\n');
        var parameters = lines.Where(l => l.StartsWith("-- @", StringComparison.Ordinal))
            .Select(l => ParameterLine().Match(l))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        var body = string.Join('\n', lines.Where(l => !l.StartsWith("--", StringComparison.Ordinal)));
        foreach (var (name, value) in parameters.OrderByDescending(p => p.Key.Length))
        {
            body = body.Replace(name, value.Contains('-', StringComparison.Ordinal) ? $"'{value}'::uuid" : value, StringComparison.Ordinal);
        }

        return body;
    }

    [GeneratedRegex("^-- (@[A-Za-z0-9_]+)='([^']*)'")]
    private static partial Regex ParameterLine();

    private static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
    }
}
