using System.Net;
using CommunityHub.Infrastructure.Persistence.Changes;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Http;

/// <summary>The pages every visitor reads alike are kept once rendered and dropped by the write that changes them
/// (the thread's own page when a thread changes, every list on any change); a member's pages are never kept.</summary>
public sealed class VisitorPageCacheTests(WebFixture fixture) : WebTest(fixture)
{
    private async Task<(int Statements, bool FromCache, string Html)> ReadAsync(HttpClient client, string url, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        Fixture.App.Statements.Reset();
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var statements = Fixture.App.Statements.Count;
        return (statements, response.Headers.Age is not null, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_visitors_second_read_of_a_thread_comes_from_memory_without_a_statement()
    {
        await CreateSpaceAsync();
        var thread = await StartThreadAsync(await NewMemberAsync("Alice"), title: "Kept for visitors");
        using var visitor = NewVisitor();

        var first = await ReadAsync(visitor, thread);
        var second = await ReadAsync(visitor, thread);

        // The page's own statements the first time (StatementBudgetTests counts them), none the second.
        Assert.True(first.Statements > 0 && !first.FromCache);
        Assert.Equal((0, true), (second.Statements, second.FromCache));
        Assert.Equal(first.Html, second.Html);
    }

    [Fact]
    public async Task A_reply_is_on_the_visitors_page_at_once_and_a_reply_elsewhere_leaves_the_page_kept_but_not_the_lists()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var quiet = await StartThreadAsync(alice, title: "A quiet thread");
        var busy = await StartThreadAsync(alice, title: "A busy thread");
        var bruno = await NewMemberAsync("Bruno");
        using var visitor = NewVisitor();
        foreach (var url in new[] { quiet, busy, "/s/questions", "/" })
        {
            await ReadAsync(visitor, url);
            Assert.True((await ReadAsync(visitor, url)).FromCache, $"{url} was not kept");
        }

        using (var replied = await ReplyAsync(bruno, busy, "Here is what worked for us."))
        {
            Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);
        }

        var busyNow = await ReadAsync(visitor, busy);
        Assert.False(busyNow.FromCache);
        Assert.Contains("Here is what worked for us.", busyNow.Html, StringComparison.Ordinal);
        Assert.True((await ReadAsync(visitor, quiet)).FromCache, "a reply to another thread dropped the quiet thread's page");
        // The lists show counts and last activity: any change drops them.
        Assert.False((await ReadAsync(visitor, "/s/questions")).FromCache);
        Assert.False((await ReadAsync(visitor, "/")).FromCache);
    }

    [Fact]
    public async Task A_change_not_tied_to_a_thread_drops_every_kept_page()
    {
        var space = await CreateSpaceAsync();
        var thread = await StartThreadAsync(await NewMemberAsync("Alice"));
        using var visitor = NewVisitor();
        await ReadAsync(visitor, thread);
        Assert.True((await ReadAsync(visitor, thread)).FromCache);

        await DbAsync(async db =>
        {
            var kept = await db.Spaces.SingleAsync(s => s.Id == space.Id);
            db.Entry(kept).Property(s => s.Name).CurrentValue = "Product questions";
            return await db.SaveChangesAsync();
        });

        var now = await ReadAsync(visitor, thread);
        Assert.False(now.FromCache);
        Assert.Contains("Product questions", now.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_members_pages_are_never_kept_and_a_kept_page_never_reaches_them()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var thread = await StartThreadAsync(alice);
        using var visitor = NewVisitor();
        await ReadAsync(visitor, thread);
        Assert.True((await ReadAsync(visitor, thread)).FromCache);

        var first = await ReadAsync(alice, thread);
        var second = await ReadAsync(alice, thread);

        Assert.False(first.FromCache || second.FromCache);
        Assert.True(second.Statements > 0);
        Assert.Contains("Signed in as", second.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_visitor_with_a_cookie_a_page_could_read_gets_a_page_of_their_own()
    {
        await CreateSpaceAsync();
        var thread = await StartThreadAsync(await NewMemberAsync("Alice"));
        using var visitor = NewVisitor();
        await ReadAsync(visitor, thread);
        Assert.True((await ReadAsync(visitor, thread)).FromCache);

        // A TempData message waiting, or a sign-in cookie that no longer signs anyone in.
        Assert.False((await ReadAsync(visitor, thread, ".AspNetCore.Mvc.CookieTempDataProvider=message")).FromCache);
        Assert.False((await ReadAsync(visitor, thread, "communityhub.auth=expired")).FromCache);
        // The time zone cookie is one pages vary by: another zone, another page.
        var inTokyo = await ReadAsync(visitor, thread, "communityhub.tz=Asia/Tokyo");
        Assert.False(inTokyo.FromCache);
        Assert.True((await ReadAsync(visitor, thread, "communityhub.tz=Asia/Tokyo")).FromCache);
    }

    [Theory]
    [InlineData("SELECT id AS \"Value\" FROM threads WHERE id = @p0 FOR UPDATE", null)]
    [InlineData("WITH locked AS (SELECT id FROM threads WHERE id = @p0 FOR NO KEY UPDATE) SELECT 1", null)]
    [InlineData("INSERT INTO rate_limit_windows AS w (key) SELECT key FROM input ON CONFLICT (key) DO UPDATE SET hits = w.hits + 1", null)]
    [InlineData("DELETE FROM notifications AS n WHERE n.recipient_id = @p0", null)]
    [InlineData("INSERT INTO ties (member_low_id) VALUES (@p0) ON CONFLICT DO NOTHING", null)]
    [InlineData("UPDATE spaces AS s SET post_count = s.post_count + 1 WHERE s.id = @p0", "lists")]
    [InlineData("UPDATE \"posts\" AS p SET body_html = @p0", "everything")]
    [InlineData("DELETE FROM post_revisions WHERE post_id = @p0; DELETE FROM members WHERE id = @p1", "everything")]
    [InlineData("TRUNCATE TABLE threads, posts CASCADE", "everything")]
    public void A_statement_of_the_apps_own_is_read_for_what_it_writes(string statement, string? expected)
    {
        var change = ContentChangeInterceptor.WhatStatementChanges(statement);

        Assert.Equal(expected, change switch
        {
            null => null,
            { Everything: true } => "everything",
            _ => "lists",
        });
    }

    [Theory]
    [InlineData("*", true, new long[0])]
    [InlineData("12,7", false, new long[] { 7, 12 })]
    [InlineData("12,x", true, new long[0])]
    [InlineData("", true, new long[0])]
    public void A_notifications_payload_names_threads_or_everything_and_anything_unreadable_counts_as_everything(string payload, bool everything, long[] threads)
    {
        var change = ContentChange.FromPayload(payload);

        Assert.Equal(everything, change.Everything);
        Assert.Equal(threads, change.Threads.Order());
        var again = ContentChange.FromPayload(change.ToPayload());
        Assert.Equal(change.Everything, again.Everything);
        Assert.Equal(change.Threads.Order(), again.Threads.Order());
    }

    [Fact]
    public void An_instance_hears_another_instances_announcement_but_not_its_own_which_it_published_at_the_commit()
    {
        var mine = new ContentChanges();
        var theirs = new ContentChanges();
        var heard = new List<ContentChange>();
        mine.Changed += heard.Add;

        mine.Hear(mine.Announcement(ContentChange.OfThreads([5])));
        Assert.Empty(heard);

        mine.Hear(theirs.Announcement(ContentChange.OfThreads([5])));
        Assert.Equal([5L], Assert.Single(heard).Threads);
    }
}
