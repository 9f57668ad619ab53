using System.Data.Common;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Composer;
using CommunityHub.Application.Groups;
using CommunityHub.Application.Threads;
using CommunityHub.Domain.Members;
using CommunityHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Xunit.Abstractions;

namespace CommunityHub.Application.Tests.Composer;

/// <summary>The composer's @ completion and thread cards on PostgreSQL.</summary>
public sealed class ComposerCompletionTests(CommunityFixture fixture, ITestOutputHelper output) : ConversationTest(fixture)
{
    private async Task<IReadOnlyList<CompleteMembers.MemberSuggestion>> CompleteAsync(string q) => await SendAsync(new CompleteMembers.Query(q));

    [Fact]
    public async Task Members_are_offered_by_handle_or_name_prefix_whatever_the_case_at_most_eight_and_never_banned_or_former_ones()
    {
        var alice = await RunAsNewMemberAsync("Alice Chen");
        await RunAsNewMemberAsync("Alan Turing");
        await RunAsNewMemberAsync("Bruno Albrecht");
        var banned = await RunAsNewMemberAsync("Alba Banned");
        var former = await RunAsNewMemberAsync("Alma Former");
        await RunAsNewMemberAsync("Zed");
        await ExecuteSqlAsync($"UPDATE members SET is_banned = true WHERE id = {banned}");
        await ExecuteSqlAsync($"UPDATE members SET former_at = now(), display_name = 'former member', handle = {Member.FormerHandle(former)} WHERE id = {former}");
        // Display names change; the stored lower-case copy follows them.
        await ExecuteSqlAsync($"UPDATE members SET display_name = 'Zoë ALvarez' WHERE display_name = 'Zed'");
        RunAs(alice);

        var handles = await QueryAsync(db => db.Members.ToDictionaryAsync(m => m.DisplayName, m => m.Handle));
        Assert.Equal([handles["Alan Turing"], handles["Alice Chen"]], (await CompleteAsync("al")).Select(s => s.Handle));
        Assert.Equal("Alice Chen", (await CompleteAsync("@ALI")).Single().Name);
        Assert.Equal(handles["Bruno Albrecht"], (await CompleteAsync("bru")).Single().Handle);
        Assert.Equal(handles["Zoë ALvarez"], (await CompleteAsync("zoë al")).Single().Handle);
        Assert.Empty(await CompleteAsync("alb"));
        Assert.Empty(await CompleteAsync("alm"));
        Assert.Empty(await CompleteAsync("former"));
        Assert.Empty(await CompleteAsync("%"));
        Assert.Empty(await CompleteAsync("_l"));
        Assert.Empty(await CompleteAsync(" "));

        for (var i = 0; i < 10; i++)
        {
            await RunAsNewMemberAsync($"Alex {i}");
        }

        Assert.Equal(CompleteMembers.Limit, (await CompleteAsync("al")).Count);
    }

    [Fact]
    public async Task Completing_members_needs_a_signed_in_member()
    {
        await RunAsNewMemberAsync("Alice");
        RunAsAnonymous();

        await Assert.ThrowsAsync<NotSignedInException>(() => CompleteAsync("al"));
    }

    [Fact]
    public async Task Completing_members_over_100000_members_uses_the_prefix_indexes()
    {
        await ExecuteSqlAsync(
            $"""
            INSERT INTO members (id, display_name, handle, joined_at, is_banned, badge)
            SELECT gen_random_uuid(), 'Member Number ' || g, 'member-' || g, now(), false, 'None'
            FROM generate_series(1, 100000) AS g
            """);
        await RunAsNewMemberAsync("Alice Chen");
        await ExecuteSqlAsync($"ANALYZE members");

        Assert.Equal("Alice Chen", (await CompleteAsync("ali")).Single().Name);
        var plan = await ExplainAsync("ali");
        output.WriteLine(plan);

        // The handle by its own index (under the "C" collation the unique one serves; under any other, the pattern one).
        Assert.Contains("Index Scan on ix_members_handle", plan, StringComparison.Ordinal);
        Assert.Contains("ix_members_display_name_key", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
    }

    /// <summary>The plan of the statement <see cref="CompleteMembers"/> sends, as it sends it (its text and parameters, recorded).</summary>
    private async Task<string> ExplainAsync(string typed)
    {
        var recorder = new CommandRecorder();
        var options = new DbContextOptionsBuilder<CommunityDbContext>()
            .UseNpgsql(Fixture.ConnectionString)
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(recorder)
            .Options;
        await using (var db = new CommunityDbContext(options))
        {
            await new CompleteMembers.Handler(db).Handle(new CompleteMembers.Query(typed), CancellationToken.None);
        }

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
            Text = command.CommandText;
            Parameters.Clear();
            Parameters.AddRange(command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone()));
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    // ---- Thread cards ----

    private string Absolute(string path) =>
        new Uri(Fixture.Services.GetRequiredService<IOptions<CommunityOptions>>().Value.PublicUrl, path).ToString();

    [Fact]
    public async Task A_link_on_its_own_line_to_a_thread_shows_as_a_card_with_its_title_space_and_whether_it_is_solved()
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Alice");
        var solved = await StartThreadAsync("Exporting <all> invoices", "How?");
        var answer = await ReplyAsync(solved, "Like this.");
        await ExecuteSqlAsync($"UPDATE threads SET accepted_answer_post_id = {answer} WHERE id = {solved}");
        var open = await StartThreadAsync("Importing contacts", "How?");

        var linking = await StartThreadAsync("Related questions", $"See:\n\n{Absolute($"/s/questions/t/{solved}")}\n\nand\n\n[/s/questions/t/{open}](/s/questions/t/{open})\n\nNot a card: {Absolute($"/s/questions/t/{open}")} in a sentence.");
        var page = await SendAsync(new GetThread.Query(linking));

        var html = page.OpeningPost.BodyHtml;
        output.WriteLine(html);
        Assert.Contains($"""<p class="thread-card"><a href="{Absolute($"/s/questions/t/{solved}")}">Exporting &lt;all&gt; invoices</a> <span class="thread-card-meta">in Questions · <strong class="thread-card-solved">Solved</strong></span></p>""", html, StringComparison.Ordinal);
        Assert.Contains($"""<p class="thread-card"><a href="/s/questions/t/{open}">Importing contacts</a> <span class="thread-card-meta">in Questions</span></p>""", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("thread-card\"").Length - 1);
        Assert.Contains("in a sentence", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_to_a_thread_the_reader_may_not_open_stays_a_plain_link_that_reveals_nothing()
    {
        await CreateSpaceAsync();
        var beta = await CreateSpaceAsync("beta", "Beta", 2);
        var bea = await RunAsNewMemberAsync("Bea");
        var olly = await RunAsNewMemberAsync("Olly");
        var handle = await QueryAsync(db => db.Members.Where(m => m.Id == bea).Select(m => m.Handle).SingleAsync());
        await RunAsNewMemberAsync("Ada", Roles.Admin);
        var group = await SendAsync(new CreateGroup.Command { Name = "Beta programme", Description = "Customers trying what is next." });
        await SendAsync(new ChangeGroupMembers.Command { GroupId = group, Handle = "@" + handle });
        await SendAsync(new RestrictSpace.Command { SpaceId = beta.Id, GroupIds = [group] });
        RunAs(bea);
        var secret = await StartThreadAsync("Quokka plans", "Secret.", space: "beta");
        var link = Absolute($"/s/beta/t/{secret}");
        var open = await StartThreadAsync("Where is the quokka?", $"Here:\n\n{link}\n");

        Assert.Contains("Quokka plans", (await SendAsync(new GetThread.Query(open))).OpeningPost.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("Quokka plans", await SendAsync(new PreviewPost.Query(link)), StringComparison.Ordinal);
        RunAs(olly);
        var outsiders = (await SendAsync(new GetThread.Query(open))).OpeningPost.BodyHtml;
        Assert.DoesNotContain("Quokka plans", outsiders, StringComparison.Ordinal);
        Assert.DoesNotContain("Beta", outsiders, StringComparison.Ordinal);
        Assert.DoesNotContain("thread-card", outsiders, StringComparison.Ordinal);
        Assert.Contains($"""class="bare-link"><a href="{link}" """.TrimEnd(), outsiders, StringComparison.Ordinal);
        Assert.DoesNotContain("Quokka plans", await SendAsync(new PreviewPost.Query(link)), StringComparison.Ordinal);
    }
}
