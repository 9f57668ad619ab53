using System.Data.Common;
using System.Text.RegularExpressions;
using CommunityHub.Application.Lists;
using CommunityHub.Application.Notifications;
using CommunityHub.Application.Reciprocity;
using CommunityHub.Application.Spaces;
using CommunityHub.Application.Tags;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Threads;
using CommunityHub.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;
using Xunit.Abstractions;

namespace CommunityHub.Application.Tests.Lists;

/// <summary>Thread lists people can steer: filters, orders and periods on a space, a tag, Latest and Unread, with
/// keyset paging; and the plan each combination gets at 100,000 threads.</summary>
public sealed partial class ThreadListTests(CommunityFixture fixture, ITestOutputHelper output) : ConversationTest(fixture)
{
    private Task<long[]> LatestAsync(string? show = null, string? sort = null, string? period = null) =>
        SendAsync(new GetLatest.Query(ThreadListChoice.Parse(show, sort, period))).ContinueWith(t => t.Result.Threads.Select(r => r.Id).ToArray(), TaskScheduler.Default);

    private Task<long> OpeningOfAsync(long thread) => QueryAsync(db => db.Posts.Where(p => p.ThreadId == thread && p.IsOpeningPost).Select(p => p.Id).SingleAsync());

    [Fact]
    public void A_choice_is_read_from_link_values_and_unknown_values_are_ignored()
    {
        Assert.Equal(new ThreadListChoice(ThreadFilter.Solved, ThreadSort.Top, TopPeriod.Month), ThreadListChoice.Parse("solved", "TOP", "month"));
        Assert.Equal(ThreadListChoice.Default, ThreadListChoice.Parse("everything", "<script>", "forever"));
        Assert.Equal(TopPeriod.All, ThreadListChoice.Parse(null, "newest", "week").Period);
        Assert.Equal(ThreadFilter.Company, ThreadListChoice.Parse(null, null, null, with: "company").Filter);
        Assert.Equal(ThreadFilter.All, ThreadListChoice.Parse("mine", null, null).For(signedIn: false).Filter);
        var choice = ThreadListChoice.Parse("unanswered", "top", "week");
        Assert.Equal(("unanswered", "top", "week"), (choice.ShowName, choice.SortName, choice.PeriodName));
    }

    [Fact]
    public async Task Filters_return_the_right_threads()
    {
        await CreateSpaceAsync();
        var alice = await RunAsNewMemberAsync("Alice");
        var quiet = await StartThreadAsync("Quiet");
        var answered = await StartThreadAsync("Answered");
        var solved = await StartThreadAsync("Solved");
        var bruno = await RunAsNewMemberAsync("Bruno");
        await ReplyAsync(answered, "A reply");
        var answer = await ReplyAsync(solved, "The answer");
        var sam = await RunAsNewMemberAsync("Sam", Roles.Staff);
        await ExecuteSqlAsync($"UPDATE members SET badge = 'Staff' WHERE id = {sam}");
        await ReplyAsync(answered, "From the company");
        RunAs(alice);
        await SendAsync(new AcceptAnswer.Command { ThreadId = solved, PostId = answer });
        // Chloe only reads, and watches one thread (those who reply watch what they took part in).
        var chloe = await RunAsNewMemberAsync("Chloe");
        await SendAsync(new WatchThread.Command { ThreadId = quiet, Choice = ThreadWatchChoice.Watching });

        RunAs(bruno);
        Assert.Equal([quiet], await LatestAsync("unanswered"));
        Assert.Equal(new[] { quiet, answered }.Order(), (await LatestAsync("unsolved")).Order());
        Assert.Equal([solved], await LatestAsync("solved"));
        Assert.Equal([answered], await LatestAsync("company"));
        Assert.Equal(new[] { answered, solved }.Order(), (await LatestAsync("mine")).Order());
        Assert.Equal(new[] { answered, solved }.Order(), (await LatestAsync("watching")).Order());
        RunAs(chloe);
        Assert.Equal([quiet], await LatestAsync("watching"));
        Assert.Empty(await LatestAsync("mine"));
        RunAsAnonymous();
        Assert.Equal(3, (await LatestAsync("watching")).Length);
        RunAs(alice);
        Assert.Equal(3, (await LatestAsync("mine")).Length);
    }

    [Fact]
    public async Task Orders_put_latest_activity_newest_and_most_appreciated_first_within_the_period()
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Alice");
        var old = await StartThreadAsync("Old but helpful");
        Fixture.Clock.Advance(TimeSpan.FromDays(20));
        var middle = await StartThreadAsync("Middle");
        Fixture.Clock.Advance(TimeSpan.FromDays(5));
        var recent = await StartThreadAsync("Recent");
        await RunAsNewMemberAsync("Bruno");
        Fixture.Clock.Advance(TimeSpan.FromHours(1));
        var helpful = await ReplyAsync(old, "Try this");
        var liked = await ReplyAsync(recent, "Nice");
        await RunAsNewMemberAsync("Chloe");
        await SendAsync(new MarkHelped.Command { PostId = helpful });
        await SendAsync(new ThankPost.Command { PostId = helpful, Thanked = true });
        await SendAsync(new ThankPost.Command { PostId = liked, Thanked = true });

        Assert.Equal([recent, old, middle], await LatestAsync());
        Assert.Equal([recent, middle, old], await LatestAsync(sort: "newest"));
        Assert.Equal([old, recent, middle], await LatestAsync(sort: "top"));
        Assert.Equal([recent, middle], await LatestAsync(sort: "top", period: "week"));
        Assert.Equal(2, await QueryAsync(db => db.Threads.Where(t => t.Id == old).Select(t => t.Appreciation).SingleAsync()));

        await SendAsync(new ThankPost.Command { PostId = helpful, Thanked = false });
        Assert.Equal(1, await QueryAsync(db => db.Threads.Where(t => t.Id == old).Select(t => t.Appreciation).SingleAsync()));
    }

    [Fact]
    public async Task Every_order_and_filter_pages_through_each_thread_exactly_once()
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Alice");
        var started = new List<long>();
        for (var i = 0; i < 55; i++)
        {
            Fixture.Clock.Advance(TimeSpan.FromMinutes(3));
            started.Add(await StartThreadAsync($"Thread {i}"));
        }

        // Same activity and appreciation for some, so the id breaks the ties across pages.
        await ExecuteSqlAsync($"UPDATE threads SET appreciation = id % 3, last_activity_at = created_at + (id % 4) * interval '10 minutes'");
        await ExecuteSqlAsync($"UPDATE threads SET is_pinned = true WHERE id = {started[7]}");
        foreach (var sort in new[] { "activity", "newest", "top" })
        {
            var seen = new List<long>();
            string? after = null;
            do
            {
                var page = await SendAsync(new GetSpace.Query("questions", after, Choice: ThreadListChoice.Parse("unanswered", sort, null)));
                seen.AddRange(page.Threads.Select(t => t.Id));
                after = page.NextCursor;
            }
            while (after is not null);

            Assert.Equal(started.Order(), seen.Order());
            Assert.Equal(55, seen.Distinct().Count());
        }

        await Assert.ThrowsAsync<ValidationException>(() => SendAsync(new GetLatest.Query(After: "garbage")));
    }

    [Fact]
    public async Task Unread_lists_threads_with_replies_since_the_members_last_visit_across_spaces()
    {
        await CreateSpaceAsync();
        await CreateSpaceAsync("ideas", "Ideas", 2);
        var alice = await RunAsNewMemberAsync("Alice");
        var here = await StartThreadAsync("Here");
        var there = await StartThreadAsync("There", space: "ideas");
        var quiet = await StartThreadAsync("Quiet since");
        var bruno = await RunAsNewMemberAsync("Bruno");
        var neverRead = await StartThreadAsync("Never read by Alice");
        RunAs(alice);
        foreach (var thread in new[] { here, there, quiet })
        {
            await SendAsync(new RecordThreadVisit.Command(thread, await OpeningOfAsync(thread)));
        }

        RunAs(bruno);
        await ReplyAsync(here, "New here");
        await ReplyAsync(there, "New there", space: "ideas");
        await ReplyAsync(neverRead, "Unread but never visited");
        RunAs(alice);
        await ReplyAsync(quiet, "My own reply is not news");

        var unread = await SendAsync(new GetUnread.Query());

        Assert.Equal(new[] { here, there }.Order(), unread.Threads.Select(t => t.Id).Order());
        Assert.All(unread.Threads, t => Assert.True(t.HasUnread));
        RunAsAnonymous();
        await Assert.ThrowsAsync<CommunityHub.Application.Common.Exceptions.NotSignedInException>(() => SendAsync(new GetUnread.Query()));
    }

    [Fact]
    public async Task Every_list_filter_and_order_uses_an_index_over_100000_threads()
    {
        var space = await CreateSpaceAsync();
        await CreateSpaceAsync("ideas", "Ideas", 2);
        var alice = await RunAsNewMemberAsync("Alice");
        await StartThreadAsync("Seed");
        await RunAsNewMemberAsync("Ada", Roles.Admin);
        await SendAsync(new DefineTag.Command { Name = "ledger" });
        var tagId = await QueryAsync(db => db.Tags.Select(t => t.Id).SingleAsync());
        // 100,000 threads written by SQL (the use case would take minutes), in two spaces; one in 20 tagged, one in 7 answered.
        await ExecuteSqlAsync(
            $"""
            INSERT INTO threads (space_id, title, author_id, created_at, last_activity_at, last_poster_id, is_pinned, is_locked, is_closed, reply_count, appreciation)
            SELECT CASE WHEN g % 2 = 0 THEN {space.Id} ELSE {space.Id + 1} END, 'Thread ' || g, {alice},
                   now() - (g || ' minutes')::interval, now() - ((g % 5000) || ' minutes')::interval, {alice}, false, false, false, g % 7, g % 13
            FROM generate_series(1, 100000) AS g
            """);
        await ExecuteSqlAsync($"INSERT INTO thread_tags (thread_id, tag_id) SELECT id, {tagId} FROM threads WHERE id % 20 = 0");
        await ExecuteSqlAsync($"ANALYZE threads");
        await ExecuteSqlAsync($"ANALYZE thread_tags");

        var viewer = Viewer.Of(alice, [Roles.Member]);
        var failures = new List<string>();
        foreach (var scope in new[] { "space", "tag", "latest", "unread" })
        {
            foreach (var filter in Enum.GetValues<ThreadFilter>())
            {
                foreach (var sort in scope == "unread" ? [ThreadSort.Activity] : Enum.GetValues<ThreadSort>())
                {
                    var choice = new ThreadListChoice(filter, sort, sort == ThreadSort.Top ? TopPeriod.Month : TopPeriod.All);
                    var plan = await ExplainAsync(lists => scope switch
                    {
                        "space" => lists.InSpace(space.Id),
                        "tag" => lists.Tagged(viewer, tagId),
                        "latest" => lists.Everywhere(viewer),
                        _ => lists.Unread(viewer),
                    }, viewer, choice, pinnedFirst: scope == "space");
                    output.WriteLine($"--- {scope} {filter} {sort}\n{plan}");
                    if (plan.Contains("Seq Scan on threads", StringComparison.Ordinal) || plan.Contains("Seq Scan on thread_tags", StringComparison.Ordinal) || !IndexScan().IsMatch(plan))
                    {
                        failures.Add($"{scope} {filter} {sort}:\n{plan}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [GeneratedRegex(@"Index (Only )?Scan( Backward)? using (ix_threads_|pk_threads|ix_thread_tags_|pk_thread_tags|pk_thread_read_marks|ix_thread_watches|pk_thread_watches|pk_thread_participants|ix_thread_participants)")]
    private static partial Regex IndexScan();

    /// <summary>Runs one list page's own SQL under EXPLAIN: records the command EF sends, then explains it with its parameters.</summary>
    private async Task<string> ExplainAsync(Func<ThreadLists, IQueryable<DiscussionThread>> scope, Viewer viewer, ThreadListChoice choice, bool pinnedFirst)
    {
        var recorder = new CommandRecorder();
        var options = new DbContextOptionsBuilder<CommunityDbContext>()
            .UseNpgsql(Fixture.ConnectionString)
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(recorder)
            .Options;
        await using var db = new CommunityDbContext(options);
        var lists = new ThreadLists(db, Options.Create(new CommunityOptions()), Fixture.Clock);
        await lists.PageAsync(scope(lists), viewer, choice, after: null, pinnedFirst, CancellationToken.None);

        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using (var jit = new NpgsqlCommand("SET jit = off", connection))
        {
            await jit.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand("EXPLAIN " + recorder.Text, connection);
        explain.Parameters.AddRange(recorder.Parameters.ToArray());
        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    private sealed class CommandRecorder : DbCommandInterceptor
    {
        public string Text { get; private set; } = string.Empty;

        public List<NpgsqlParameter> Parameters { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Text = command.CommandText;
            Parameters.Clear();
            Parameters.AddRange(command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone()));
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
