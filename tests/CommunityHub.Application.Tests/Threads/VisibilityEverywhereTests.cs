using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Feeds;
using CommunityHub.Application.Groups;
using CommunityHub.Application.Members;
using CommunityHub.Application.Moderation;
using CommunityHub.Application.Notifications;
using CommunityHub.Application.Search;
using CommunityHub.Application.Spaces;
using CommunityHub.Application.Threads;
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
        async Task<long[]> FoundAsync() => [.. (await SendAsync(new SearchPosts.Query("zebra"))).Results.SelectMany(r => r.Posts).Select(p => p.PostId).Order()];

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

    // ---- A space restricted to a group: invisible to everyone else, everywhere ----

    private sealed record PrivateSpace(long Thread, long Reply, int GroupId, Guid Insider, Guid Outsider, string InsidersHandle);

    /// <summary>Ada makes a "Beta programme" group with Bea in it and restricts the "beta" space to it. Olly, who is
    /// not in the group, watched "beta" and took the daily digest before it was restricted. Bea then starts a thread
    /// about the quokka there, @mentioning Olly, and Sam (staff) replies.</summary>
    private async Task<PrivateSpace> PrivateSpaceAsync()
    {
        await CreateSpaceAsync();
        var beta = await CreateSpaceAsync("beta", "Beta", 2);
        var olly = await RunAsNewMemberAsync("Olly");
        await ConfirmEmailOfAsync(olly);
        await SendAsync(new WatchSpace.Command { Slug = "beta", Watch = true });
        await SendAsync(new UpdateNotificationSettings.Command { Digest = true });
        var bea = await RunAsNewMemberAsync("Bea");
        await ConfirmEmailOfAsync(bea);
        var handles = await QueryAsync(db => db.Members.Where(m => m.Id == olly || m.Id == bea).ToDictionaryAsync(m => m.Id, m => m.Handle));

        await RunAsNewMemberAsync("Ada", Roles.Admin);
        var group = await SendAsync(new CreateGroup.Command { Name = "Beta programme", Description = "Customers trying what is next." });
        await SendAsync(new ChangeGroupMembers.Command { GroupId = group, Handle = "@" + handles[bea] });
        await SendAsync(new RestrictSpace.Command { SpaceId = beta.Id, GroupIds = [group] });

        RunAs(bea);
        await SendAsync(new WatchSpace.Command { Slug = "beta", Watch = true });
        await SendAsync(new UpdateNotificationSettings.Command { Digest = true });
        Fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var thread = await StartThreadAsync("Quokka plans", $"The quokka launch is secret, @{handles[olly]}.", space: "beta");
        await RunAsNewMemberAsync("Sam", Roles.Staff);
        var reply = await ReplyAsync(thread, "The quokka ships in May.", space: "beta");
        return new PrivateSpace(thread, reply, group, bea, olly, handles[bea]);
    }

    [Fact]
    public async Task A_private_space_is_listed_only_for_its_groups_members_and_the_staff_side()
    {
        var space = await PrivateSpaceAsync();
        async Task<IReadOnlyList<ListSpaces.SpaceSummary>> SpacesAsync() => await SendAsync(new ListSpaces.Query());

        RunAsAnonymous();
        Assert.Equal(["questions"], (await SpacesAsync()).Select(s => s.Slug));
        RunAs(space.Outsider);
        Assert.Equal(["questions"], (await SpacesAsync()).Select(s => s.Slug));
        RunAs(space.Insider);
        Assert.Equal(["Beta programme"], (await SpacesAsync()).Single(s => s.Slug == "beta").PrivateTo);
        await RunAsNewMemberAsync("Morgan", Roles.Moderator);
        Assert.Equal(["questions", "beta"], (await SpacesAsync()).Select(s => s.Slug));
    }

    [Fact]
    public async Task A_private_thread_and_its_space_are_not_found_by_an_outsider()
    {
        var space = await PrivateSpaceAsync();

        RunAs(space.Outsider);
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new GetThread.Query(space.Thread)));
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new GetSpace.Query("beta")));
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new LocatePost.Query(space.Reply)));
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new ReplyToThread.Command { SpaceSlug = "beta", ThreadId = space.Thread, Body = "Let me in.", SubmissionId = Guid.NewGuid() }));
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new StartThread.Command { SpaceSlug = "beta", Title = "Hello", Body = "Let me in.", SubmissionId = Guid.NewGuid() }));
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new WatchThread.Command { ThreadId = space.Thread, Choice = ThreadWatchChoice.Watching }));
        RunAs(space.Insider);
        Assert.Equal("Quokka plans", (await SendAsync(new GetThread.Query(space.Thread))).Title);
    }

    [Fact]
    public async Task Search_finds_a_private_post_only_for_the_groups_members_and_the_staff_side()
    {
        var space = await PrivateSpaceAsync();
        async Task<int> FoundAsync() => (await SendAsync(new SearchPosts.Query("quokka"))).Results.Sum(r => r.Posts.Count);

        RunAsAnonymous();
        Assert.Equal(0, await FoundAsync());
        RunAs(space.Outsider);
        Assert.Equal(0, await FoundAsync());
        RunAs(space.Insider);
        Assert.Equal(2, await FoundAsync());
        await RunAsNewMemberAsync("Erin", Roles.Executive);
        Assert.Equal(2, await FoundAsync());
    }

    [Fact]
    public async Task A_private_space_has_no_feed_and_is_absent_from_the_communitys()
    {
        var space = await PrivateSpaceAsync();

        Assert.DoesNotContain((await SendAsync(new GetFeed.Query())).Entries, e => e.ThreadId == space.Thread);
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new GetFeed.Query("beta")));
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new GetFeed.Query("beta", space.Thread)));
    }

    [Fact]
    public async Task An_outsider_watching_or_mentioned_is_not_notified_while_the_groups_member_is()
    {
        var space = await PrivateSpaceAsync();

        var told = await QueryAsync(db => db.Notifications.Where(n => n.ThreadId == space.Thread).Select(n => n.RecipientId).ToListAsync());
        Assert.DoesNotContain(space.Outsider, told);
        Assert.Contains(space.Insider, told);
        RunAs(space.Outsider);
        Assert.DoesNotContain((await SendAsync(new ListNotifications.Query())).Items, i => i.ThreadId == space.Thread);
    }

    [Fact]
    public async Task The_daily_digest_leaves_a_private_space_out_for_an_outsider_who_watched_it()
    {
        await PrivateSpaceAsync();
        await ExecuteSqlAsync($"DELETE FROM email_outbox");
        Fixture.Clock.Advance(TimeSpan.FromDays(1));

        // Only the insider has something new to read.
        Assert.Equal(1, await SendAsync(new SendDailyDigests.Command()));
        var digest = await QueryAsync(db => db.Emails.SingleAsync());
        Assert.Contains("Quokka plans", digest.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("bea.", digest.ToAddress, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_profile_shows_an_outsider_nothing_of_what_its_member_wrote_in_a_private_space()
    {
        var space = await PrivateSpaceAsync();

        RunAs(space.Outsider);
        var seen = await SendAsync(new GetProfile.Query(space.InsidersHandle));
        Assert.Equal((0, 0), (seen.Posts, seen.ThreadsStarted));
        RunAs(space.Insider);
        seen = await SendAsync(new GetProfile.Query(space.InsidersHandle));
        Assert.Equal((1, 1), (seen.Posts, seen.ThreadsStarted));
    }

    [Fact]
    public async Task Taken_out_of_the_group_a_member_no_longer_finds_the_space_or_their_notifications_from_it()
    {
        var space = await PrivateSpaceAsync();
        await RunAsNewMemberAsync("Ada", Roles.Admin);
        await SendAsync(new ChangeGroupMembers.Command { GroupId = space.GroupId, RemoveMemberId = space.Insider });

        RunAs(space.Insider);
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new GetThread.Query(space.Thread)));
        Assert.DoesNotContain((await SendAsync(new ListNotifications.Query())).Items, i => i.ThreadId == space.Thread);
    }
}
