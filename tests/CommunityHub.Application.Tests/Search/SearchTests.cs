using System.Data.Common;
using CommunityHub.Application.Search;
using CommunityHub.Domain.Members;
using CommunityHub.Infrastructure.Persistence;
using CommunityHub.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace CommunityHub.Application.Tests.Search;

public sealed class SearchTests(CommunityFixture fixture, ITestOutputHelper output) : ConversationTest(fixture)
{
    private Task<SearchPosts.ResultPage> SearchAsync(string q, string? space = null, string? author = null, int page = 1) =>
        SendAsync(new SearchPosts.Query(q, space, author, page));

    [Fact]
    public async Task Search_finds_words_in_titles_and_bodies_with_stemming_best_match_first_and_marks_them()
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Alice");
        var exportThread = await StartThreadAsync("Exporting invoices", "How do I get invoices out as CSV?");
        var other = await StartThreadAsync("Dark mode", "Is there a dark theme?");
        await RunAsNewMemberAsync("Bruno");
        var reply = await ReplyAsync(other, "Unrelated, but the invoice export is under Reports.");

        var results = await SearchAsync("export invoice");

        Assert.Equal([exportThread, other], results.Results.Select(r => r.ThreadId)); // title and body match: ranked first
        Assert.True(Assert.Single(results.Results[0].Posts).IsOpeningPost);
        var found = Assert.Single(results.Results[1].Posts);
        Assert.Equal(reply, found.PostId);
        Assert.Contains("<mark>invoice</mark>", found.SnippetHtml, StringComparison.Ordinal);
        Assert.Contains("<mark>export</mark>", found.SnippetHtml, StringComparison.Ordinal);
        Assert.False(found.IsOpeningPost);
    }

    [Fact]
    public async Task Snippets_escape_everything_but_the_marks()
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Mallory");
        await StartThreadAsync("Payload", "<script>alert('x')</script> <img src=x onerror=alert(1)> payload here");

        var snippet = Assert.Single(Assert.Single((await SearchAsync("payload")).Results).Posts).SnippetHtml;

        Assert.Contains("<mark>payload</mark>", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", snippet, StringComparison.Ordinal);
        Assert.Empty(Testing.HtmlSafety.Dangers(snippet));
        Assert.Equal("a &lt;b&gt; <mark>c</mark> &amp;", Snippets.ToSafeHtml($"a <b> {Snippets.Start}c{Snippets.Stop} &"));
    }

    [Fact]
    public async Task Snippets_show_the_text_readers_see_not_the_markdown_typed()
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Alice");
        await StartThreadAsync("Formatting", "## Steps\n\n1. Open **Reports** & pick [the export](https://example.com/export)\n2. Run `nightly --export`\n\n> Works for *invoices* too");

        var snippet = Assert.Single(Assert.Single((await SearchAsync("export")).Results).Posts).SnippetHtml;

        Assert.Contains("Open Reports &amp; pick the <mark>export</mark>", snippet, StringComparison.Ordinal);
        Assert.Contains("nightly --<mark>export</mark>", snippet, StringComparison.Ordinal);
        foreach (var markdown in new[] { "**", "##", "](", "`", "&amp;amp;", "<p>", "&lt;p&gt;", "  " })
        {
            Assert.DoesNotContain(markdown, snippet, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Staff_notes_hidden_and_deleted_posts_are_found_only_by_those_who_may_see_them()
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Alice");
        var thread = await StartThreadAsync("Billing", "A question about billing.");
        var sam = await RunAsNewMemberAsync("Sam", Roles.Staff);
        var note = await ReplyAsync(thread, "Internal zebra note");
        await MarkStaffNoteAsync(note);
        var bruno = await RunAsNewMemberAsync("Bruno");
        var hidden = await ReplyAsync(thread, "Hidden zebra spam");
        await HideAsync(hidden);
        var deleted = await ReplyAsync(thread, "Deleted zebra words");
        await SendAsync(new CommunityHub.Application.Threads.DeleteReply.Command(thread, deleted));

        RunAsAnonymous();
        Assert.Empty((await SearchAsync("zebra")).Results);
        RunAs(bruno);
        Assert.Empty((await SearchAsync("zebra")).Results);
        Fixture.CurrentUser.ActAs(sam, Roles.Member, Roles.Staff);
        Assert.Equal([note], (await SearchAsync("zebra")).Results.SelectMany(r => r.Posts).Select(p => p.PostId));
        Fixture.CurrentUser.ActAs(Guid.NewGuid(), Roles.Member, Roles.Moderator);
        Assert.Equal(new[] { hidden, note }.Order(), (await SearchAsync("zebra")).Results.SelectMany(r => r.Posts).Select(p => p.PostId).Order());
    }

    [Fact]
    public async Task Search_filters_by_space_and_author_by_name_or_handle_and_pages_by_thread()
    {
        await CreateSpaceAsync();
        await CreateSpaceAsync("ideas", "Ideas", 2);
        await RunAsNewMemberAsync("Alice");
        var thread = await StartThreadAsync("Webhooks", "webhook question");
        await StartThreadAsync("Webhook idea", "webhook please", space: "ideas");
        var bruno = await RunAsNewMemberAsync("Bruno Costa");
        var handle = await QueryAsync(db => db.Members.Where(m => m.Id == bruno).Select(m => m.Handle).SingleAsync());
        await ReplyAsync(thread, "webhook reply");
        for (var i = 0; i < SearchPosts.PageSize + 3; i++)
        {
            await StartThreadAsync($"Webhook case {i}", $"webhook number {i}");
        }

        Assert.Equal(["Webhook idea"], (await SearchAsync("webhook", space: "ideas")).Results.Select(r => r.ThreadTitle));
        // Bruno wrote in more threads than a page holds: a full first page of threads, every post found his,
        // whatever the case of his name, or by his handle with or without its @.
        foreach (var author in new[] { "bruno costa", handle, "@" + handle.ToUpperInvariant() })
        {
            var byBruno = await SearchAsync("webhook", author: author);
            Assert.Equal(SearchPosts.PageSize, byBruno.Results.Count);
            Assert.True(byBruno.HasNext);
            Assert.All(byBruno.Results.SelectMany(r => r.Posts), p => Assert.Equal("Bruno Costa", p.AuthorName));
        }

        Assert.Empty((await SearchAsync("webhook", author: "Bruno%")).Results);
        Assert.Empty((await SearchAsync("webhook", author: "bruno")).Results);
        // A page holds 20 threads, not 20 posts; each thread once.
        var first = await SearchAsync("webhook");
        var second = await SearchAsync("webhook", page: 2);
        Assert.True(first.HasNext);
        Assert.Equal(SearchPosts.PageSize, first.Results.Count);
        Assert.Equal(SearchPosts.PageSize + 5 - SearchPosts.PageSize, second.Results.Count);
        Assert.False(second.HasNext);
        var threads = first.Results.Concat(second.Results).Select(r => r.ThreadId).ToList();
        Assert.Equal(threads.Distinct().Count(), threads.Count);
        Assert.Equal(SearchPosts.PageSize + 5, threads.Count);
        await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => SearchAsync("webhook", page: SearchPosts.MaxPage + 1));
    }

    [Fact]
    public async Task A_thread_appears_once_ranked_by_its_best_post_with_its_three_best_matching_posts_under_it()
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Alice");
        var busy = await StartThreadAsync("Printing", "The printer jams.");
        var best = await StartThreadAsync("Invoice layout", "Where is the invoice layout?");
        await RunAsNewMemberAsync("Bruno");
        var replies = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            replies.Add(await ReplyAsync(busy, i == 2 ? "invoice invoice invoice: the invoice tray" : $"An invoice, try number {i}."));
        }

        var hidden = await ReplyAsync(busy, "invoice invoice invoice invoice invoice invoice spam");
        await HideAsync(hidden);

        var results = (await SearchAsync("invoice")).Results;

        // The title match ranks "Invoice layout" first; "Printing" comes once, whatever the number of its matching posts.
        Assert.Equal([best, busy], results.Select(r => r.ThreadId));
        var printing = results[1];
        Assert.Equal(5, printing.MatchCount); // the hidden post is not counted for a member
        Assert.Equal(SearchPosts.PostsPerThread, printing.Posts.Count);
        Assert.Equal(replies[2], printing.Posts[0].PostId); // its best post first
        Assert.DoesNotContain(hidden, printing.Posts.Select(p => p.PostId));
        Assert.All(printing.Posts, p => Assert.Contains("<mark>", p.SnippetHtml, StringComparison.Ordinal));
        Assert.False(printing.IsSolved);
    }

    [Fact]
    public async Task Search_filters_by_tag_and_ignores_an_unknown_one_with_a_note()
    {
        await CreateSpaceAsync();
        await CreateSpaceAsync("beta", "Beta", 2);
        await RunAsNewMemberAsync("Ada", Roles.Admin);
        await SendAsync(new CommunityHub.Application.Tags.DefineTag.Command { Name = "ledger" });
        await SendAsync(new CommunityHub.Application.Tags.DefineTag.Command { Name = "payroll" });
        await SendAsync(new CommunityHub.Application.Tags.DefineTag.Command { Name = "secret" });
        await SendAsync(new CommunityHub.Application.Tags.DefineTag.Command { Name = "unused" });
        var group = await SendAsync(new CommunityHub.Application.Groups.CreateGroup.Command { Name = "Beta programme", Description = "Testers." });
        var beta = await QueryAsync(db => db.Spaces.Where(s => s.Slug == "beta").Select(s => s.Id).SingleAsync());
        await SendAsync(new CommunityHub.Application.Groups.RestrictSpace.Command { SpaceId = beta, GroupIds = [group] });
        async Task<long> TaggedAsync(string title, string space, params string[] tags) =>
            (await SendAsync(new CommunityHub.Application.Threads.StartThread.Command { SpaceSlug = space, Title = title, Body = "A gadget question.", SubmissionId = Guid.NewGuid(), Tags = [.. tags] })).ThreadId;
        var ledger = await TaggedAsync("Ledger gadget", "questions", "ledger");
        var payroll = await TaggedAsync("Payroll gadget", "questions", "payroll");
        await TaggedAsync("Secret gadget", "beta", "secret", "ledger");

        await RunAsNewMemberAsync("Bruno");
        async Task<SearchPosts.ResultPage> ByTagAsync(string? tag) => await SendAsync(new SearchPosts.Query("gadget", Tag: tag));

        var inLedger = await ByTagAsync("ledger");
        Assert.Equal([ledger], inLedger.Results.Select(r => r.ThreadId));
        Assert.Equal(("ledger", (string?)null), (inLedger.Tag, inLedger.UnknownTag));
        Assert.Equal([payroll], (await ByTagAsync(" Payroll ")).Results.Select(r => r.ThreadId));
        // Only tags on threads Bruno may open are offered; one used only in a space he may not enter does not exist for him.
        Assert.Equal(["ledger", "payroll"], inLedger.Tags.Select(t => t.Name));
        foreach (var unknown in new[] { "secret", "nonsense", "not a tag!" })
        {
            var ignored = await ByTagAsync(unknown);
            Assert.Equal(2, ignored.Results.Count);
            Assert.Equal((null, unknown), (ignored.Tag, ignored.UnknownTag));
        }

        // A tag no visible thread carries offers nothing to find: it is not offered, and asked for, it is noted.
        Assert.Equal("unused", (await ByTagAsync("unused")).UnknownTag);
    }

    [Fact]
    public async Task Search_filters_by_solved_or_not_and_by_the_days_posts_were_written()
    {
        static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await CreateSpaceAsync();
        var alice = await RunAsNewMemberAsync("Alice");
        var started = Fixture.Clock.GetUtcNow();
        var solved = await StartThreadAsync("Gateway timeouts", "gateway timeout on upload");
        var open = await StartThreadAsync("Gateway errors", "gateway error on login");
        await RunAsNewMemberAsync("Bruno");
        Fixture.Clock.Advance(TimeSpan.FromDays(3));
        var answered = Fixture.Clock.GetUtcNow();
        var answer = await ReplyAsync(solved, "Raise the gateway limit.");
        RunAs(alice);
        await SendAsync(new CommunityHub.Application.Reciprocity.AcceptAnswer.Command { ThreadId = solved, PostId = answer });

        async Task<long[]> PostsAsync(string? status = null, string? from = null, string? to = null) =>
            [.. (await SendAsync(new SearchPosts.Query("gateway", Status: status, From: from, To: to))).Results.SelectMany(r => r.Posts).Select(p => p.PostId).Order()];
        var openings = await QueryAsync(db => db.Posts.Where(p => p.IsOpeningPost).ToDictionaryAsync(p => p.ThreadId, p => p.Id));

        Assert.Equal(new[] { openings[solved], answer }.Order(), await PostsAsync(status: "solved"));
        Assert.Equal([openings[open]], await PostsAsync(status: "unsolved"));
        Assert.Equal(3, (await PostsAsync(status: "nonsense")).Length);
        Assert.Equal([answer], await PostsAsync(from: Day(answered)));
        Assert.Equal(new[] { openings[solved], openings[open] }.Order(), await PostsAsync(to: Day(started)));
        Assert.Empty(await PostsAsync(to: Day(started.AddDays(-1))));
        Assert.Equal(3, (await PostsAsync(from: "yesterday", to: "2026-13-45")).Length);
        var page = await SendAsync(new SearchPosts.Query("gateway", Status: "solved", From: Day(answered), To: "not a day"));
        Assert.Equal(("solved", DateOnly.FromDateTime(answered.UtcDateTime), (DateOnly?)null), (page.Status, page.From, page.To));
    }

    [Fact]
    public async Task A_search_over_100000_posts_uses_the_full_text_indexes_in_its_two_statements()
    {
        await CreateSpaceAsync();
        var alice = await RunAsNewMemberAsync("Alice");
        var threads = new List<long>();
        for (var i = 0; i < SearchPosts.PageSize + 5; i++)
        {
            threads.Add(await StartThreadAsync($"Seed {i}", "Seed thread"));
        }

        // 100,000 posts written by SQL (the use case would take minutes), spread over the threads; the database fills
        // their tsvectors. Every 1,000th is about reconciliation: 4 in each of the 25 threads.
        await ExecuteSqlAsync(
            $"""
            INSERT INTO posts (thread_id, author_id, body, body_html, is_opening_post, submission_id, created_at, is_staff_note)
            SELECT ({threads.ToArray()}::bigint[])[1 + (g / 1000) % {threads.Count}], {alice},
                   'Reply number ' || g || CASE WHEN g % 1000 = 0 THEN ' about the quarterly reconciliation' ELSE ' about everyday things like exports and invoices' END,
                   '<p>Reply about the reconciliation</p>', false, gen_random_uuid(), now(), false
            FROM generate_series(1, 100000) AS g
            """);
        await ExecuteSqlAsync($"ANALYZE posts");
        await ExecuteSqlAsync($"ANALYZE threads");

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var results = await SearchAsync("reconciliation");
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        var plans = await ExplainAsync(new SearchRequest("reconciliation", null, null, 0, 21));
        output.WriteLine($"Search over 100,000 posts: {elapsed.TotalMilliseconds:0} ms through the mediator (first call, cold).\n{string.Join("\n\n", plans)}");

        // A page of 20 threads (not 20 posts), each with its three best posts of the four it has.
        Assert.Equal(SearchPosts.PageSize, results.Results.Count);
        Assert.True(results.HasNext);
        Assert.All(results.Results, r => Assert.Equal((4, SearchPosts.PostsPerThread), (r.MatchCount, r.Posts.Count)));
        Assert.All(results.Results.SelectMany(r => r.Posts), p => Assert.Contains("<mark>reconciliation</mark>", p.SnippetHtml, StringComparison.Ordinal));
        // Two statements: the page of threads, then their snippets; both find the posts through the GIN index.
        Assert.Equal(2, plans.Count);
        Assert.All(plans, plan => Assert.Contains("ix_posts_search_vector", plan, StringComparison.Ordinal));
        // (Titles have their own GIN index, ix_threads_search_vector; with 25 threads here a scan of it is the right plan.)
        Assert.All(plans, plan => Assert.DoesNotContain("Seq Scan on posts", plan, StringComparison.Ordinal));
    }

    /// <summary>Runs the search's own SQL under EXPLAIN: records the commands EF sends, then explains each with its parameters.</summary>
    private async Task<List<string>> ExplainAsync(SearchRequest request)
    {
        var recorder = new CommandRecorder();
        await using var scope = Fixture.Services.CreateAsyncScope();
        var options = new DbContextOptionsBuilder<CommunityDbContext>()
            .UseNpgsql(Fixture.ConnectionString)
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(recorder)
            .Options;
        await using var db = new CommunityDbContext(options);
        await new PostgresPostSearch(db).SearchAsync(request, Viewer.Anonymous, CancellationToken.None);

        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        var plans = new List<string>();
        foreach (var (text, parameters) in recorder.Commands)
        {
            await using var explain = new NpgsqlCommand("EXPLAIN " + text, connection);
            explain.Parameters.AddRange(parameters.ToArray());
            var lines = new List<string>();
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }

            plans.Add(string.Join('\n', lines));
        }

        return plans;
    }

    private sealed class CommandRecorder : DbCommandInterceptor
    {
        public List<(string Text, List<NpgsqlParameter> Parameters)> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            // Copied now: EF reuses and clears the command after it ran.
            Commands.Add((command.CommandText, [.. command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone())]));
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
