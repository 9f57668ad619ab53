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

        Assert.Equal(2, results.Results.Count);
        Assert.Equal(exportThread, results.Results[0].ThreadId); // title and body match: ranked first
        Assert.True(results.Results[0].IsOpeningPost);
        Assert.Equal(reply, results.Results[1].PostId);
        Assert.Contains("<mark>invoice</mark>", results.Results[1].SnippetHtml, StringComparison.Ordinal);
        Assert.Contains("<mark>export</mark>", results.Results[1].SnippetHtml, StringComparison.Ordinal);
        Assert.False(results.Results[1].IsOpeningPost);
    }

    [Fact]
    public async Task Snippets_escape_everything_but_the_marks()
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Mallory");
        await StartThreadAsync("Payload", "<script>alert('x')</script> <img src=x onerror=alert(1)> payload here");

        var snippet = Assert.Single((await SearchAsync("payload")).Results).SnippetHtml;

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

        var snippet = Assert.Single((await SearchAsync("export")).Results).SnippetHtml;

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
        Assert.Equal([note], (await SearchAsync("zebra")).Results.Select(r => r.PostId));
        Fixture.CurrentUser.ActAs(Guid.NewGuid(), Roles.Member, Roles.Moderator);
        Assert.Equal(new[] { hidden, note }.Order(), (await SearchAsync("zebra")).Results.Select(r => r.PostId).Order());
    }

    [Fact]
    public async Task Search_filters_by_space_and_author_and_pages()
    {
        await CreateSpaceAsync();
        await CreateSpaceAsync("ideas", "Ideas", 2);
        await RunAsNewMemberAsync("Alice");
        var thread = await StartThreadAsync("Webhooks", "webhook question");
        await StartThreadAsync("Webhook idea", "webhook please", space: "ideas");
        await RunAsNewMemberAsync("Bruno Costa");
        for (var i = 0; i < SearchPosts.PageSize + 3; i++)
        {
            await ReplyAsync(thread, $"webhook reply {i}");
        }

        Assert.Equal(["Webhook idea"], (await SearchAsync("webhook", space: "ideas")).Results.Select(r => r.ThreadTitle));
        // Bruno wrote more replies than a page holds: a full first page, all his, whatever the case of his name.
        var byBruno = await SearchAsync("webhook", author: "bruno costa");
        Assert.Equal(SearchPosts.PageSize, byBruno.Results.Count);
        Assert.True(byBruno.HasNext);
        Assert.All(byBruno.Results, r => Assert.Equal("Bruno Costa", r.AuthorName));
        Assert.Empty((await SearchAsync("webhook", author: "Bruno%")).Results);
        var first = await SearchAsync("webhook");
        var second = await SearchAsync("webhook", page: 2);
        Assert.True(first.HasNext);
        Assert.Equal(SearchPosts.PageSize, first.Results.Count);
        Assert.Equal(SearchPosts.PageSize + 5 - SearchPosts.PageSize, second.Results.Count);
        Assert.False(second.HasNext);
        Assert.Empty(first.Results.Select(r => r.PostId).Intersect(second.Results.Select(r => r.PostId)));
        await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => SearchAsync("webhook", page: SearchPosts.MaxPage + 1));
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
            [.. (await SendAsync(new SearchPosts.Query("gateway", Status: status, From: from, To: to))).Results.Select(r => r.PostId).Order()];
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
    public async Task A_search_over_100000_posts_uses_the_full_text_indexes()
    {
        await CreateSpaceAsync();
        var alice = await RunAsNewMemberAsync("Alice");
        var thread = await StartThreadAsync("Seed", "Seed thread");
        // 100,000 posts written by SQL (the use case would take minutes); the database fills their tsvectors.
        await ExecuteSqlAsync(
            $"""
            INSERT INTO posts (thread_id, author_id, body, body_html, is_opening_post, submission_id, created_at, is_staff_note)
            SELECT {thread}, {alice},
                   'Reply number ' || g || CASE WHEN g % 1000 = 0 THEN ' about the quarterly reconciliation' ELSE ' about everyday things like exports and invoices' END,
                   '<p>Reply</p>', false, gen_random_uuid(), now(), false
            FROM generate_series(1, 100000) AS g
            """);
        await ExecuteSqlAsync($"ANALYZE posts");
        await ExecuteSqlAsync($"ANALYZE threads");

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var results = await SearchAsync("reconciliation");
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        var plan = await ExplainAsync(new SearchRequest("reconciliation", null, null, 0, 21));
        output.WriteLine($"Search over 100,000 posts: {elapsed.TotalMilliseconds:0} ms through the mediator (first call, cold).\n{plan}");

        Assert.Equal(SearchPosts.PageSize, results.Results.Count);
        Assert.Contains("ix_posts_search_vector", plan, StringComparison.Ordinal);
        // (Titles have their own GIN index, ix_threads_search_vector; with one thread here a scan of it is the right plan.)
        Assert.DoesNotContain("Seq Scan on posts", plan, StringComparison.Ordinal);
    }

    /// <summary>Runs the search's own SQL under EXPLAIN: records the command EF sends, then explains it with its parameters.</summary>
    private async Task<string> ExplainAsync(SearchRequest request)
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
            // Copied now: EF reuses and clears the command after it ran.
            Text = command.CommandText;
            Parameters.Clear();
            Parameters.AddRange(command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone()));
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
