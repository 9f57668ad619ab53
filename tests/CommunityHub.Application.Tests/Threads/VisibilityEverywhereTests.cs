using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Feeds;
using CommunityHub.Application.Members;
using CommunityHub.Application.Moderation;
using CommunityHub.Application.Notifications;
using CommunityHub.Application.Search;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Threads;

/// <summary>Every place that lists posts out of their thread asks the one visibility policy: a staff note reaches only
/// the staff side, a hidden post only moderators, a deleted one nobody — in search, feeds, notifications, digests and
/// profiles alike. One conversation, each place in turn.</summary>
public sealed class VisibilityEverywhereTests(CommunityFixture fixture) : ConversationTest(fixture)
{
    private sealed record Posts(long Thread, long Shown, long StaffNote, long Hidden, long Deleted, Guid Bruno, Guid Watcher);

    /// <summary>Bruno writes four replies with the word "zebra" to Alice's thread, which Dana watches: one stays shown,
    /// one is a staff note (Sam's), one a moderator hides, one Bruno deletes.</summary>
    private async Task<Posts> FourRepliesAsync()
    {
        await CreateSpaceAsync();
        var dana = await RunAsNewMemberAsync("Dana");
        await ConfirmEmailOfAsync(dana);
        await SendAsync(new WatchSpace.Command { Slug = "questions", Watch = true });
        await SendAsync(new UpdateNotificationSettings.Command { Digest = true });
        await RunAsNewMemberAsync("Alice");
        Fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var thread = await StartThreadAsync("Animals", "Which animal?");
        RunAs(dana);
        await SendAsync(new WatchThread.Command { ThreadId = thread, Choice = ThreadWatchChoice.Watching });
        var bruno = await RunAsNewMemberAsync("Bruno");
        var shown = await ReplyAsync(thread, "The zebra, shown to all.");
        var hidden = await ReplyAsync(thread, "The zebra, hidden later.");
        var deleted = await ReplyAsync(thread, "The zebra, deleted later.");
        await SendAsync(new Application.Threads.DeleteReply.Command(thread, deleted));
        await RunAsNewMemberAsync("Sam", Roles.Staff);
        var note = (await SendAsync(new Application.Threads.ReplyToThread.Command { SpaceSlug = "questions", ThreadId = thread, Body = "The zebra, a staff note.", SubmissionId = Guid.NewGuid(), IsStaffNote = true })).PostId;
        await RunAsNewMemberAsync("Morgan", Roles.Moderator);
        await SendAsync(new HidePost.Command { PostId = hidden, Reason = "Off topic" });
        return new Posts(thread, shown, note, hidden, deleted, bruno, dana);
    }

    [Fact]
    public async Task A_staff_note_is_thanked_by_nobody_a_member_cannot_even_find_it()
    {
        var posts = await FourRepliesAsync();

        RunAs(posts.Watcher);
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new Application.Reciprocity.ThankPost.Command { PostId = posts.StaffNote }));
        await RunAsNewMemberAsync("Erin", Roles.Executive);
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new Application.Reciprocity.ThankPost.Command { PostId = posts.StaffNote }));

        Assert.Equal(0, await QueryAsync(db => db.ReciprocityRecords.CountAsync(r => r.PostId == posts.StaffNote)));
    }

    [Fact]
    public async Task Search_finds_for_each_reader_only_what_they_may_read()
    {
        var posts = await FourRepliesAsync();
        async Task<long[]> FoundAsync() => [.. (await SendAsync(new SearchPosts.Query("zebra"))).Results.Select(r => r.PostId).Order()];

        RunAsAnonymous();
        Assert.Equal([posts.Shown], await FoundAsync());
        RunAs(posts.Watcher);
        Assert.Equal([posts.Shown], await FoundAsync());
        await RunAsNewMemberAsync("Erin", Roles.Executive);
        Assert.Equal([posts.Shown, posts.StaffNote], await FoundAsync());
        await RunAsNewMemberAsync("Ada", Roles.Admin);
        Assert.Equal([posts.Shown, posts.Hidden, posts.StaffNote], await FoundAsync());
    }

    [Fact]
    public async Task A_threads_feed_carries_only_what_a_visitor_may_read()
    {
        var posts = await FourRepliesAsync();

        var feed = await SendAsync(new GetFeed.Query("questions", posts.Thread));

        Assert.Equal([posts.Shown], feed.Entries.Select(e => e.PostId!.Value));
    }

    [Fact]
    public async Task A_watcher_is_notified_and_listed_only_what_they_may_read()
    {
        var posts = await FourRepliesAsync();
        RunAs(posts.Watcher);

        var page = await SendAsync(new ListNotifications.Query());

        var about = page.Items.Where(i => i.ThreadId == posts.Thread).Select(i => i.PostId).ToList();
        Assert.Contains(posts.Shown, about);
        Assert.DoesNotContain(posts.StaffNote, about);
        Assert.DoesNotContain(posts.Hidden, about);
        Assert.DoesNotContain(posts.Deleted, about);
    }

    [Fact]
    public async Task The_daily_digest_quotes_only_what_its_reader_may_read()
    {
        var posts = await FourRepliesAsync();
        await ExecuteSqlAsync($"DELETE FROM email_outbox");
        Fixture.Clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(1, await SendAsync(new SendDailyDigests.Command()));

        var digest = await QueryAsync(db => db.Emails.SingleAsync());
        Assert.Contains("shown to all", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("staff note", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden later", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("deleted later", digest.TextBody, StringComparison.Ordinal);
        Assert.NotEqual(Guid.Empty, posts.Bruno);
    }

    [Fact]
    public async Task A_profile_counts_the_posts_its_reader_could_open()
    {
        var posts = await FourRepliesAsync();
        var handle = await QueryAsync(db => db.Members.Where(m => m.Id == posts.Bruno).Select(m => m.Handle).SingleAsync());

        RunAsAnonymous();
        Assert.Equal(1, (await SendAsync(new GetProfile.Query(handle))).Posts);
        await RunAsNewMemberAsync("Ada", Roles.Admin);
        Assert.Equal(2, (await SendAsync(new GetProfile.Query(handle))).Posts);
    }
}
