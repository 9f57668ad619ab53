using System.Diagnostics;
using System.Security.Cryptography;
using CommunityHub.Application;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Infrastructure;
using CommunityHub.Infrastructure.Archive;
using CommunityHub.Infrastructure.Persistence;
using CommunityHub.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CommunityHub.Benchmarks;

/// <summary>A measured run of <c>export</c> and <c>import</c>: a generated community of N posts (SQL, not the
/// use cases: the point is the archive), exported to a file, imported into a second database and exported
/// again. Prints the times, the archive's size, and the process's peak working set and managed heap during
/// each step, which stay flat as the community grows because nothing holds more than one row.</summary>
internal static class ArchiveBenchmark
{
    public static async Task<int> RunAsync(IReadOnlyList<int> sizes)
    {
        await using var server = await PostgresServer.StartAsync();
        Console.WriteLine($"PostgreSQL: {server.Description}");
        var failures = 0;
        foreach (var posts in sizes)
        {
            failures += await RunOnceAsync(server, posts);
        }

        return failures == 0 ? 0 : 1;
    }

    private static async Task<int> RunOnceAsync(PostgresServer server, int posts)
    {
        await using var source = await CommunityAsync(server, $"communityhub_archive_source_{posts}");
        await using var target = await CommunityAsync(server, $"communityhub_archive_target_{posts}");
        await GenerateAsync(source.ConnectionString, posts);

        var first = Path.Combine(Path.GetTempPath(), $"communityhub-archive-{posts}-1.ndjson");
        var second = Path.Combine(Path.GetTempPath(), $"communityhub-archive-{posts}-2.ndjson");
        var exportedAt = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        try
        {
            var (export, records) = await MeasureAsync(async () =>
            {
                await using var scope = source.Services.CreateAsyncScope();
                await using var output = File.Create(first);
                return await new CommunityExporter(scope.ServiceProvider.GetRequiredService<CommunityDbContext>()).ExportAsync(output, exportedAt, CancellationToken.None);
            });
            var (import, _) = await MeasureAsync(async () =>
            {
                await using var scope = target.Services.CreateAsyncScope();
                await using var input = File.OpenRead(first);
                return await new CommunityImporter(scope.ServiceProvider.GetRequiredService<CommunityDbContext>()).ImportAsync(input, CancellationToken.None);
            });
            await using (var scope = target.Services.CreateAsyncScope())
            await using (var output = File.Create(second))
            {
                await new CommunityExporter(scope.ServiceProvider.GetRequiredService<CommunityDbContext>()).ExportAsync(output, exportedAt, CancellationToken.None);
            }

            var identical = Hash(first).SequenceEqual(Hash(second));
            var megabytes = new FileInfo(first).Length / 1048576.0;
            Console.WriteLine(
                $"{posts,9:N0} posts, {records.Values.Sum(),9:N0} records, archive {megabytes,7:0.0} MiB | export {export.Seconds,6:0.0} s "
                + $"(peak working set {export.PeakWorkingSetMiB,5:0} MiB, peak managed heap {export.PeakHeapMiB,5:0.0} MiB) | import {import.Seconds,6:0.0} s "
                + $"(peak working set {import.PeakWorkingSetMiB,5:0} MiB, peak managed heap {import.PeakHeapMiB,5:0.0} MiB) | re-export identical: {identical}");
            return identical ? 0 : 1;
        }
        finally
        {
            File.Delete(first);
            File.Delete(second);
        }
    }

    private sealed record Measurement(double Seconds, double PeakWorkingSetMiB, double PeakHeapMiB);

    /// <summary>Runs the step while sampling the working set and the managed heap every 50 ms.</summary>
    private static async Task<(Measurement, T)> MeasureAsync<T>(Func<Task<T>> step)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        long peakWorkingSet = 0, peakHeap = 0;
        using var done = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                process.Refresh();
                peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
                try
                {
                    await Task.Delay(50, done.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });
        var stopwatch = Stopwatch.StartNew();
        var result = await step();
        stopwatch.Stop();
        await done.CancelAsync();
        await sampler;
        return (new Measurement(stopwatch.Elapsed.TotalSeconds, peakWorkingSet / 1048576.0, peakHeap / 1048576.0), result);
    }

    private static byte[] Hash(string path)
    {
        using var stream = File.OpenRead(path);
        return SHA256.HashData(stream);
    }

    private sealed record Community(string ConnectionString, ServiceProvider Services) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Services.DisposeAsync();
    }

    private static async Task<Community> CommunityAsync(PostgresServer server, string database)
    {
        var connectionString = await server.CreateDatabaseAsync(database);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Community"] = connectionString }).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddDataProtection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)));
        services.AddSingleton<ICurrentUser>(new TestCurrentUser());
        services.AddApplication();
        services.AddInfrastructure(configuration);
        var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemo: false, CancellationToken.None);
        }

        return new Community(connectionString, provider);
    }

    /// <summary>1,000 members with accounts, 10 spaces, a thread per 10 posts, posts of about 600 characters,
    /// a thanks on every third post and 50 ties per member.</summary>
    private static async Task GenerateAsync(string connectionString, int posts)
    {
        const int members = 1000;
        var sql = $"""
            INSERT INTO members (id, display_name, handle, joined_at, badge, is_banned)
            SELECT md5('m' || i)::uuid, 'Member ' || i, 'member-' || i, timestamptz '2026-01-01' + i * interval '1 minute', 'None', false
            FROM generate_series(1, {members}) i;
            INSERT INTO users (id, user_name, normalized_user_name, email, normalized_email, email_confirmed, password_hash, security_stamp,
                               concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
            SELECT md5('m' || i)::uuid, 'member' || i || '@example.com', 'MEMBER' || i || '@EXAMPLE.COM', 'member' || i || '@example.com',
                   'MEMBER' || i || '@EXAMPLE.COM', true, 'AQAAAAIAAYagAAAAEnotarealhash', md5('stamp' || i), md5('c' || i), false, false, true, 0
            FROM generate_series(1, {members}) i;
            INSERT INTO spaces (id, name, slug, purpose, position, thread_count)
            SELECT i, 'Space ' || i, 'space-' || i, 'Where space ' || i || ' is talked about.', i, 0 FROM generate_series(1, 10) i;
            INSERT INTO threads (id, space_id, title, author_id, created_at, is_pinned, is_locked, is_closed, reply_count, last_activity_at, last_poster_id)
            SELECT t, 1 + t % 10, 'How do I export report number ' || t || '?', md5('m' || (1 + t % {members}))::uuid,
                   timestamptz '2026-02-01' + t * interval '1 minute', false, false, false, 9,
                   timestamptz '2026-02-01' + t * interval '1 minute' + interval '9 seconds', md5('m' || (1 + (t + 9) % {members}))::uuid
            FROM generate_series(1, {posts / 10}) t;
            INSERT INTO posts (id, thread_id, author_id, body, body_html, is_opening_post, submission_id, created_at, is_staff_note)
            SELECT p, 1 + (p - 1) / 10, md5('m' || (1 + ((p - 1) / 10 + (p - 1) % 10) % {members}))::uuid,
                   repeat('Exporting reports to CSV works when the filter is saved first; ', 10) || p,
                   '<p>' || repeat('Exporting reports to CSV works when the filter is saved first; ', 10) || p || '</p>',
                   (p - 1) % 10 = 0, md5('s' || p)::uuid, timestamptz '2026-02-01' + p * interval '1 second', false
            FROM generate_series(1, {posts / 10 * 10}) p;
            INSERT INTO reciprocity_records (kind, post_id, thread_id, from_member_id, to_member_id, recorded_by_id, created_at)
            SELECT 2, p, 1 + (p - 1) / 10, md5('m' || (1 + ((p - 1) / 10 + (p - 1) % 10 + 1) % {members}))::uuid,
                   md5('m' || (1 + ((p - 1) / 10 + (p - 1) % 10) % {members}))::uuid,
                   md5('m' || (1 + ((p - 1) / 10 + (p - 1) % 10 + 1) % {members}))::uuid, timestamptz '2026-03-01' + p * interval '1 second'
            FROM generate_series(2, {posts / 10 * 10}, 3) p;
            INSERT INTO ties (member_low_id, member_high_id, as_of, first_at, last_at, has_direct, contact, intensity,
                              confiding_low_to_high, confiding_high_to_low, service_low_to_high, service_high_to_low, strength_at_update)
            SELECT LEAST(md5('m' || i)::uuid, md5('m' || (i + j))::uuid), GREATEST(md5('m' || i)::uuid, md5('m' || (i + j))::uuid),
                   timestamptz '2026-11-01', timestamptz '2026-02-01', timestamptz '2026-11-01', true,
                   1.0 / j, 2.0 / j, 0.5 / j, 0.25 / j, 3.0 / j, 1.5 / j, 0.1 + 0.5 / j
            FROM generate_series(1, {members - 50}) i, generate_series(1, 50) j;
            """;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }
}
