using CommunityHub.Application.Notifications;
using CommunityHub.Application.Spaces;
using CommunityHub.Application.Threads;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Notifications;

public sealed class UnreadTrackingTests(CommunityFixture fixture) : ConversationTest(fixture)
{
    [Fact]
    public async Task Replies_after_a_members_last_visit_are_unread_in_the_space_and_the_thread_until_seen()
    {
        await CreateSpaceAsync();
        var alice = await RunAsNewMemberAsync("Alice");
        var thread = await StartThreadAsync();
        var opening = await QueryAsync(db => db.Posts.Where(p => p.ThreadId == thread && p.IsOpeningPost).Select(p => p.Id).SingleAsync());
        await SendAsync(new RecordThreadVisit.Command(thread, opening));
        await RunAsNewMemberAsync("Bruno");
        var first = await ReplyAsync(thread, "One");
        await ReplyAsync(thread, "Two");
        RunAs(alice);

        var page = await SendAsync(new GetThread.Query(thread));
        Assert.True(page.Reader.HasUnread);
        Assert.Equal(opening, page.Reader.LastReadPostId);
        Assert.True((await SendAsync(new GetSpace.Query("questions"))).Threads.Single().HasUnread);
        Assert.Equal(2, await SendAsync(new CountUnreadNotifications.Query()));

        await SendAsync(new RecordThreadVisit.Command(thread, first));
        Assert.Equal(1, await SendAsync(new CountUnreadNotifications.Query()));
        await SendAsync(new RecordThreadVisit.Command(thread, page.Reader.LatestPostId));
        await SendAsync(new RecordThreadVisit.Command(thread, first)); // an older tab reporting late never moves the mark back

        Assert.False((await SendAsync(new GetThread.Query(thread))).Reader.HasUnread);
        Assert.False((await SendAsync(new GetSpace.Query("questions"))).Threads.Single().HasUnread);
        Assert.Equal(0, await SendAsync(new CountUnreadNotifications.Query()));
    }

    [Fact]
    public async Task A_thread_never_visited_is_not_marked_and_a_visitor_has_no_reader_state()
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Alice");
        var thread = await StartThreadAsync();
        await RunAsNewMemberAsync("Bruno");

        Assert.False((await SendAsync(new GetSpace.Query("questions"))).Threads.Single().HasUnread);
        RunAsAnonymous();
        var page = await SendAsync(new GetThread.Query(thread));
        Assert.Null(page.Reader.LastReadPostId);
        Assert.Equal(ThreadWatchChoice.Normal, page.Reader.Watch);
    }
}
