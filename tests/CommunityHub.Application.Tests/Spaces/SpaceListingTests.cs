using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Spaces;
using CommunityHub.Application.Threads;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Spaces;

public sealed class SpaceListingTests(CommunityFixture fixture) : ApplicationTest(fixture)
{
    private async Task<long> StartAsync(string title, string space = "questions")
    {
        Fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        return (await SendAsync(new StartThread.Command { SpaceSlug = space, Title = title, Body = "Body", SubmissionId = Guid.NewGuid() })).ThreadId;
    }

    [Fact]
    public async Task The_home_page_lists_spaces_in_order_with_counts_and_latest_activity()
    {
        await CreateSpaceAsync("ideas", "Ideas", 2);
        await CreateSpaceAsync("questions", "Questions", 1);
        await RunAsNewMemberAsync("Alice");
        await StartAsync("First question");
        var latest = await StartAsync("Second question");

        var spaces = await SendAsync(new ListSpaces.Query());

        Assert.Equal(["questions", "ideas"], spaces.Select(s => s.Slug));
        var questions = spaces[0];
        Assert.Equal(2, questions.ThreadCount);
        Assert.Equal(latest, questions.LastThreadId);
        Assert.Equal("Second question", questions.LastThreadTitle);
        Assert.Equal("Alice", questions.LastPosterName);
        Assert.Equal(0, spaces[1].ThreadCount);
        Assert.Null(spaces[1].LastThreadTitle);
    }

    [Fact]
    public async Task A_space_lists_pinned_threads_first_then_by_latest_activity()
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Alice");
        var old = await StartAsync("Old");
        var pinned = await StartAsync("Pinned");
        var quiet = await StartAsync("Quiet");
        await ExecuteSqlAsync($"UPDATE threads SET is_pinned = true WHERE id = {pinned}");
        Fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        await SendAsync(new ReplyToThread.Command { SpaceSlug = "questions", ThreadId = old, Body = "Bump", SubmissionId = Guid.NewGuid() });

        var page = await SendAsync(new GetSpace.Query("questions"));

        Assert.Equal([pinned, old, quiet], page.Threads.Select(t => t.Id));
        Assert.Equal(1, page.Threads[1].ReplyCount);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task Keyset_paging_walks_every_thread_exactly_once()
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Alice");
        var started = new List<long>();
        for (var i = 0; i < 60; i++)
        {
            started.Add(await StartAsync($"Thread {i}"));
        }

        await ExecuteSqlAsync($"UPDATE threads SET is_pinned = true WHERE id = {started[10]}");
        var seen = new List<long>();
        string? after = null;
        do
        {
            var page = await SendAsync(new GetSpace.Query("questions", after));
            Assert.True(page.Threads.Count <= 25);
            seen.AddRange(page.Threads.Select(t => t.Id));
            after = page.NextCursor;
        }
        while (after is not null);

        Assert.Equal(60, seen.Count);
        Assert.Equal(started[10], seen[0]);
        Assert.Equal(started.Where(id => id != started[10]).Reverse(), seen.Skip(1));
    }

    [Fact]
    public async Task A_malformed_page_link_is_refused()
    {
        await CreateSpaceAsync();

        await Assert.ThrowsAsync<ValidationException>(() => SendAsync(new GetSpace.Query("questions", "not-a-cursor")));
    }

    [Fact]
    public async Task An_unknown_space_is_not_found() =>
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new GetSpace.Query("nowhere")));

    [Fact]
    public async Task Thread_listing_uses_the_space_index()
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Alice");
        await StartAsync("One");

        var plan = await QueryAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "EXPLAIN SELECT id FROM threads WHERE space_id = 1 ORDER BY is_pinned DESC, last_activity_at DESC, id DESC LIMIT 26";
            await using var reader = await command.ExecuteReaderAsync();
            var lines = new List<string>();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }

            return string.Join('\n', lines);
        });

        Assert.Contains("ix_threads_space_id_is_pinned_last_activity_at_id", plan, StringComparison.Ordinal);
    }
}
