using CommunityHub.Application.Feeds;
using CommunityHub.Application.Members;
using CommunityHub.Application.Moderation;
using CommunityHub.Application.Notifications;
using CommunityHub.Application.Search;
using CommunityHub.Application.Spaces;
using CommunityHub.Application.Threads;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;
using CommunityHub.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Trust;

public sealed class ApprovalQueueTests(CommunityFixture fixture) : TrustTest(fixture)
{
    /// <summary>Alice (a confirmed, established member locked at Regular) asks; Nina, New, replies: her reply waits.</summary>
    private async Task<(StartThread.Result Thread, Guid Alice, Guid Nina, long Held)> AHeldReplyAsync(string body = "Try the nightly export under Settings.")
    {
        await CreateSpaceAsync();
        var moderator = await RunAsNewAsync("Mona", Roles.Moderator);
        var alice = await RunAsNewAsync("Alice");
        await ConfirmEmailAsync(alice);
        RunAs(moderator, Roles.Moderator);
        await SendAsync(new LockTrustLevel.Command { MemberId = alice, Level = Domain.Trust.TrustLevel.Regular });
        RunAs(alice);
        var thread = await SendAsync(new StartThread.Command { SpaceSlug = "questions", Title = "How do I export?", Body = "Where is the export?", SubmissionId = Guid.NewGuid() });
        await SendAsync(new WatchSpace.Command { Slug = "questions", Watch = true });
        var nina = await RunAsNewAsync("Nina");
        ShippedTrustRules();
        var held = await SendAsync(Reply(thread, body));
        return (thread, alice, nina, held.PostId);
    }

    private Task ConfirmEmailAsync(Guid memberId) => ExecuteSqlAsync($"UPDATE users SET email_confirmed = true WHERE id = {memberId}");

    [Fact]
    public async Task A_new_members_first_reply_is_stored_but_nobody_else_meets_it_anywhere()
    {
        var (thread, alice, nina, held) = await AHeldReplyAsync("Frobnicate the nightly export.");
        var stored = await QueryAsync(db => db.Posts.SingleAsync(p => p.Id == held));
        Assert.True(stored.AwaitingApproval);
        Assert.Contains("first 2 posts", stored.ApprovalNote, StringComparison.Ordinal);

        // Its author sees it, marked.
        var own = await ReadThreadAsync(thread);
        Assert.True(Assert.Single(own.Replies, r => r.Id == held).Can.AwaitingApproval);

        // Everyone else: the thread page, the space's counters, search, the feed, notifications, the profile, ties.
        RunAs(alice);
        var page = await ReadThreadAsync(thread);
        Assert.DoesNotContain(page.Replies, r => r.Id == held);
        Assert.Equal(0, page.ReplyCount);
        Assert.Empty((await SendAsync(new SearchPosts.Query("frobnicate"))).Results);
        Assert.DoesNotContain((await SendAsync(new GetFeed.Query())).Entries, e => e.PostId == held);
        Assert.DoesNotContain((await SendAsync(new GetFeed.Query(thread.SpaceSlug, thread.ThreadId))).Entries, e => e.PostId == held);
        Assert.Empty((await SendAsync(new ListNotifications.Query())).Items);
        Assert.False(await QueryAsync(db => db.Notifications.AnyAsync(n => n.PostId == held)));
        Assert.False(await QueryAsync(db => db.Emails.AnyAsync(e => e.Purpose == "notification")));
        var handle = await QueryAsync(db => db.Members.Where(m => m.Id == nina).Select(m => m.Handle).SingleAsync());
        Assert.Equal(0, (await SendAsync(new GetProfile.Query(handle))).Posts);
        Assert.False(await QueryAsync(db => db.ThreadParticipants.AnyAsync(p => p.MemberId == nina)));
        Assert.False(await QueryAsync(db => db.Ties.AnyAsync()));
        RunAsAnonymous();
        Assert.DoesNotContain((await SendAsync(new GetFeed.Query(thread.SpaceSlug, thread.ThreadId))).Entries, e => e.PostId == held);
    }

    [Fact]
    public async Task A_held_reply_is_left_out_of_the_daily_digest()
    {
        var (_, alice, _, _) = await AHeldReplyAsync("Frobnicate the nightly export.");
        RunAs(alice);
        await SendAsync(new UpdateNotificationSettings.Command { Digest = true });
        Fixture.Clock.Advance(TimeSpan.FromDays(1));
        await SendAsync(new SendDailyDigests.Command());
        var digests = await QueryAsync(db => db.Emails.Where(e => e.Purpose == "digest").Select(e => e.TextBody).ToListAsync());
        Assert.All(digests, d => Assert.DoesNotContain("Frobnicate", d, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Approving_publishes_the_reply_with_its_original_time_and_only_then_notifies_counts_and_ties()
    {
        var (thread, alice, nina, held) = await AHeldReplyAsync();
        var written = await QueryAsync(db => db.Posts.Where(p => p.Id == held).Select(p => p.CreatedAt).SingleAsync());
        Assert.False(await QueryAsync(db => db.Notifications.AnyAsync(n => n.RecipientId == alice)));
        Fixture.Clock.Advance(TimeSpan.FromHours(3));

        var moderator = await RunAsNewAsync("Max", Roles.Moderator);
        var queue = await SendAsync(new GetPendingPosts.Query());
        var pending = Assert.Single(queue.Posts);
        Assert.Equal(held, pending.PostId);
        Assert.Equal("New", pending.AuthorTrust);
        Assert.NotNull(pending.Reasons);
        await SendAsync(new ApprovePost.Command { PostId = held });

        var post = await QueryAsync(db => db.Posts.SingleAsync(p => p.Id == held));
        Assert.False(post.AwaitingApproval);
        Assert.Equal(written, post.CreatedAt);
        var told = await QueryAsync(db => db.Notifications.SingleAsync(n => n.RecipientId == alice));
        Assert.Equal(NotificationKind.ReplyToYourThread, told.Kind);
        Assert.Equal(held, told.PostId);
        Assert.True(await QueryAsync(db => db.ThreadParticipants.AnyAsync(p => p.MemberId == nina && p.ThreadId == thread.ThreadId)));
        Assert.True(await QueryAsync(db => db.Ties.AnyAsync()));
        Assert.Equal(1, await QueryAsync(db => db.Threads.Where(t => t.Id == thread.ThreadId).Select(t => t.ReplyCount).SingleAsync()));
        Assert.Empty((await SendAsync(new GetPendingPosts.Query())).Posts);
        var logged = (await AuditLogAsync()).Last();
        Assert.Equal(ModerationAction.ApprovePost, logged.Action);
        Assert.Equal(moderator, logged.ModeratorId);

        RunAs(alice);
        Assert.Contains((await ReadThreadAsync(thread)).Replies, r => r.Id == held && !r.Can.AwaitingApproval);

        // Approving twice is refused: another moderator decided already.
        RunAs(moderator, Roles.Moderator);
        await Assert.ThrowsAsync<DomainException>(() => SendAsync(new ApprovePost.Command { PostId = held }));
    }

    [Fact]
    public async Task Rejecting_tells_the_author_why_and_the_post_is_never_published()
    {
        var (thread, alice, nina, held) = await AHeldReplyAsync();
        var moderator = await RunAsNewAsync("Max", Roles.Moderator);
        await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => SendAsync(new RejectPost.Command { PostId = held, Reason = " " }));
        await SendAsync(new RejectPost.Command { PostId = held, Reason = "Please ask in a thread of your own." });

        Assert.Equal(ModerationAction.RejectPost, (await AuditLogAsync()).Last().Action);
        Assert.False(await QueryAsync(db => db.Notifications.AnyAsync(n => n.RecipientId == alice)));
        RunAs(nina);
        var news = Assert.Single((await SendAsync(new ListNotifications.Query())).Items);
        Assert.Equal(NotificationKind.ModeratorAction, news.Kind);
        Assert.Equal(held, news.PostId);
        Assert.Contains((await ReadThreadAsync(thread)).Replies, r => r.Id == held && r.IsRejected);
        RunAs(alice);
        Assert.DoesNotContain((await ReadThreadAsync(thread)).Replies, r => r.Id == held);
        RunAs(moderator, Roles.Moderator);
        await Assert.ThrowsAsync<DomainException>(() => SendAsync(new ApprovePost.Command { PostId = held }));
    }

    [Fact]
    public async Task A_new_members_held_thread_is_unlisted_and_not_found_for_others_until_approved()
    {
        await CreateSpaceAsync();
        var alice = await RunAsNewAsync("Alice");
        await SendAsync(new WatchSpace.Command { Slug = "questions", Watch = true });
        var nina = await RunAsNewAsync("Nina");
        ShippedTrustRules();
        var thread = await SendAsync(new StartThread.Command { SpaceSlug = "questions", Title = "Cheap watches", Body = "Quxquux watches here.", SubmissionId = Guid.NewGuid() });
        Assert.True((await ReadThreadAsync(thread)).OpeningPost.Can.AwaitingApproval);

        RunAs(alice);
        Assert.DoesNotContain((await SendAsync(new GetSpace.Query("questions"))).Threads, t => t.Id == thread.ThreadId);
        await Assert.ThrowsAsync<Common.Exceptions.NotFoundException>(() => ReadThreadAsync(thread));
        Assert.Empty((await SendAsync(new SearchPosts.Query("quxquux"))).Results);
        Assert.Equal(0, await QueryAsync(db => db.Spaces.Where(s => s.Slug == "questions").Select(s => s.ThreadCount).SingleAsync()));
        Assert.False(await QueryAsync(db => db.Notifications.AnyAsync()));
        RunAsAnonymous();
        Assert.DoesNotContain((await SendAsync(new GetFeed.Query())).Entries, e => e.ThreadId == thread.ThreadId);
        await Assert.ThrowsAsync<Common.Exceptions.NotFoundException>(() => SendAsync(new GetFeed.Query(thread.SpaceSlug, thread.ThreadId)));

        await RunAsNewAsync("Max", Roles.Moderator);
        var pending = Assert.Single((await SendAsync(new GetPendingPosts.Query())).Posts);
        Assert.True(pending.IsOpeningPost);
        await SendAsync(new ApprovePost.Command { PostId = pending.PostId });

        RunAs(alice);
        Assert.Contains((await SendAsync(new GetSpace.Query("questions"))).Threads, t => t.Id == thread.ThreadId);
        Assert.Equal("Cheap watches", (await ReadThreadAsync(thread)).Title);
        Assert.Equal(NotificationKind.ThreadInWatchedSpace, Assert.Single((await SendAsync(new ListNotifications.Query())).Items).Kind);
        Assert.Equal(1, await QueryAsync(db => db.Spaces.Where(s => s.Slug == "questions").Select(s => s.ThreadCount).SingleAsync()));
        Assert.True(await QueryAsync(db => db.ThreadWatches.AnyAsync(w => w.MemberId == nina && w.ThreadId == thread.ThreadId)));
    }

    [Fact]
    public async Task The_author_visiting_their_waiting_thread_does_not_stop_its_approval()
    {
        await CreateSpaceAsync();
        var nina = await RunAsNewAsync("Nina");
        ShippedTrustRules();
        var thread = await SendAsync(new StartThread.Command { SpaceSlug = "questions", Title = "A question", Body = "Waiting.", SubmissionId = Guid.NewGuid() });
        await SendAsync(new RecordThreadVisit.Command(thread.ThreadId, long.MaxValue / 2));
        await SendAsync(new WatchThread.Command { ThreadId = thread.ThreadId, Choice = ThreadWatchChoice.Muted });

        await RunAsNewAsync("Max", Roles.Moderator);
        await SendAsync(new ApprovePost.Command { PostId = Assert.Single((await SendAsync(new GetPendingPosts.Query())).Posts).PostId });
        Assert.True(await QueryAsync(db => db.ThreadWatches.AnyAsync(w => w.MemberId == nina && w.ThreadId == thread.ThreadId)));
    }

    [Fact]
    public async Task Members_who_do_not_moderate_cannot_approve_reject_or_lock_a_trust_level()
    {
        var (_, alice, nina, held) = await AHeldReplyAsync();
        foreach (var role in new[] { Roles.Member, Roles.Staff, Roles.Executive })
        {
            var someone = await RunAsNewAsync("Someone " + role, role);
            await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new ApprovePost.Command { PostId = held }));
            await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new RejectPost.Command { PostId = held, Reason = "No" }));
            await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new LockTrustLevel.Command { MemberId = nina, Level = Domain.Trust.TrustLevel.Leader }));
            await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new GetPendingPosts.Query()));
            Assert.NotEqual(alice, someone);
        }

        Assert.True(await QueryAsync(db => db.Posts.Where(p => p.Id == held).Select(p => p.AwaitingApproval).SingleAsync()));
    }
}
