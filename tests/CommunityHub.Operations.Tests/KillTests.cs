using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CommunityHub.Operations.Tests;

[Collection(OperationsTests.Name)]
public sealed partial class KillTests(OperationsFixture fixture, ITestOutputHelper output)
{
    private const int Members = 3;
    private const int MaxPostsPerMember = 150;
    private const int KillAfterAcknowledged = 45;
    // The kill comes at 45 acknowledged posts; the time limit only bounds a slow machine (the test projects run side by
    // side, so this app shares the cores with the other projects' tests): 20 s there gave as few as 16 posts.
    private static readonly TimeSpan LoadLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Every_acknowledged_post_survives_kill_9_exactly_once_and_counters_and_ties_agree()
    {
        var database = await fixture.NewDatabaseAsync("kill");
        await using var app = await AppProcess.StartAsync("kill", database);
        await OperationsFixture.CreateSpaceAsync(database);
        var cookies = new List<CookieContainer>();
        var threads = new ConcurrentQueue<string>();
        for (var m = 0; m < Members; m++)
        {
            using var visitor = app.NewVisitor();
            await visitor.RegisterAsync($"Member {m}");
            cookies.Add(visitor.Cookies);
            threads.Enqueue(await StartThreadAsync(visitor, $"seed-{m}-{Guid.NewGuid():N}"));
        }

        // The load: each member starts threads and replies to everyone's, each post carrying a unique marker,
        // until the process is killed under it. A post counts as acknowledged when its POST got the redirect.
        var acknowledged = new ConcurrentDictionary<string, bool>();
        var unanswered = new ConcurrentQueue<(int Member, Visitor.Form Form, string Marker, string Error)>();
        var unexpected = new ConcurrentQueue<string>();
        var load = Stopwatch.StartNew();
        var clients = Enumerable.Range(0, Members).Select(m => Task.Run(async () =>
        {
            using var visitor = app.NewVisitor(cookies[m]);
            var random = new Random(m);
            for (var i = 0; i < MaxPostsPerMember && load.Elapsed < LoadLimit; i++)
            {
                var marker = $"m{m}-{i}-{Guid.NewGuid():N}";
                var startsThread = random.Next(6) == 0;
                var thread = threads.ElementAt(random.Next(threads.Count));
                Visitor.Form form;
                try
                {
                    form = startsThread
                        ? await visitor.FillAsync("/s/questions/new", new Dictionary<string, string> { ["Input.Title"] = $"Question {marker}", ["Input.Body"] = $"Asking {marker}, cc @member-{(m + 1) % Members}" })
                        : await visitor.FillAsync(thread, new Dictionary<string, string> { ["Input.Body"] = $"Answering {marker} with a few words of help" }, "#reply-form form");
                }
                catch (HttpRequestException)
                {
                    return; // The process is gone before this post was sent.
                }

                try
                {
                    using var response = await visitor.PostAsync(form);
                    if (response.StatusCode != HttpStatusCode.Redirect)
                    {
                        unexpected.Enqueue($"{marker}: {(int)response.StatusCode}");
                        continue;
                    }

                    acknowledged[marker] = true;
                    if (startsThread)
                    {
                        threads.Enqueue(response.Headers.Location!.OriginalString);
                    }
                }
                catch (HttpRequestException exception)
                {
                    // Sent, and no answer came: it may or may not have been written. The person would press again.
                    unanswered.Enqueue((m, form, marker, exception.Message));
                    return;
                }
            }
        })).ToList();

        var killer = Task.Run(async () =>
        {
            while (acknowledged.Count < KillAfterAcknowledged && load.Elapsed < LoadLimit && clients.Any(c => !c.IsCompleted))
            {
                await Task.Delay(10);
            }

            await app.KillAsync();
        });
        await Task.WhenAll([.. clients, killer]);
        var acknowledgedBeforeKill = acknowledged.Count;
        output.WriteLine($"Killed after {load.Elapsed.TotalSeconds:0.0} s: {acknowledgedBeforeKill} posts acknowledged, {unanswered.Count} in flight without an answer.");
        Assert.Empty(unexpected);
        Assert.True(acknowledgedBeforeKill >= 20, $"only {acknowledgedBeforeKill} posts were acknowledged before the kill:\n{app.Output}");

        await app.StartAsync();
        var writtenUnanswered = await OperationsFixture.DbAsync(database, async db =>
        {
            var bodies = await db.Posts.Select(p => p.Body).ToListAsync();
            return unanswered.Count(u => bodies.Any(b => b.Contains(u.Marker, StringComparison.Ordinal)));
        });
        output.WriteLine($"Of those, {writtenUnanswered} had been written before the kill; all are sent again.");

        // What the person does after "connection lost": sends the same form again. It must land once, not twice.
        foreach (var (member, form, marker, _) in unanswered)
        {
            using var visitor = app.NewVisitor(cookies[member]);
            using var response = await visitor.PostAsync(form);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            acknowledged[marker] = true;
        }

        var bodies = await OperationsFixture.DbAsync(database, db => db.Posts.Select(p => p.Body).ToListAsync());
        var found = bodies.SelectMany(b => Marker().Matches(b).Select(match => match.Value)).GroupBy(marker => marker).ToDictionary(g => g.Key, g => g.Count());
        var lost = acknowledged.Keys.Where(marker => !found.ContainsKey(marker)).ToList();
        var doubled = found.Where(f => f.Value > 1).Select(f => f.Key).ToList();
        Assert.True(lost.Count == 0, $"acknowledged but lost: {string.Join(", ", lost)}");
        Assert.True(doubled.Count == 0, $"written twice: {string.Join(", ", doubled)}");
        Assert.True(found.Keys.All(acknowledged.ContainsKey), "a post was written that nobody sent");

        var (exitCode, report) = await app.RunCommandAsync("check-consistency");
        output.WriteLine(report);
        Assert.True(exitCode == 0, $"check-consistency exited {exitCode}:\n{report}");
        Assert.Contains("Consistent", report, StringComparison.Ordinal);
    }

    private static async Task<string> StartThreadAsync(Visitor visitor, string marker)
    {
        using var response = await visitor.SubmitAsync("/s/questions/new", new Dictionary<string, string> { ["Input.Title"] = $"Question {marker}", ["Input.Body"] = $"Asking {marker}" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    [GeneratedRegex(@"\bm\d+-\d+-[0-9a-f]{32}\b")]
    private static partial Regex Marker();
}
