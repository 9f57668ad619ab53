using CommunityHub.Application.Moderation;
using CommunityHub.Application.Threads;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;
using CommunityHub.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Trust;

public sealed class TrustLevelTests(CommunityFixture fixture) : TrustTest(fixture)
{
    private static StartThread.Command Thread(string title, string body) =>
        new() { SpaceSlug = "questions", Title = title, Body = body, SubmissionId = Guid.NewGuid() };

    [Fact]
    public async Task A_new_members_post_with_too_many_links_is_refused_with_a_sentence_and_nothing_is_written()
    {
        await CreateSpaceAsync();
        await RunAsNewAsync("Nina");
        ShippedTrustRules();
        var refused = await Assert.ThrowsAsync<DomainException>(() => SendAsync(Thread("Links", "a https://a.test b https://b.test c https://c.test")));
        Assert.Contains("at most 2 links", refused.Message, StringComparison.Ordinal);
        Assert.False(await QueryAsync(db => db.Posts.AnyAsync()));
    }

    [Fact]
    public async Task A_new_member_starts_only_as_many_threads_a_day_as_the_level_allows()
    {
        await CreateSpaceAsync();
        await RunAsNewAsync("Nina");
        ShippedTrustRules();
        for (var i = 0; i < 3; i++)
        {
            await SendAsync(Thread($"Question {i}", $"Body number {i}"));
        }

        var refused = await Assert.ThrowsAsync<DomainException>(() => SendAsync(Thread("One more", "Another body")));
        Assert.Contains("3 threads a day", refused.Message, StringComparison.Ordinal);
        Fixture.Clock.Advance(TimeSpan.FromDays(1.1));
        await SendAsync(Thread("Next day", "A new day"));
        Assert.Equal(4, await QueryAsync(db => db.Threads.CountAsync()));
    }

    [Fact]
    public async Task A_member_locked_at_a_higher_level_posts_without_waiting_and_the_lock_is_in_the_audit_log()
    {
        await CreateSpaceAsync();
        var nina = await RunAsNewAsync("Nina");
        var moderator = await RunAsNewAsync("Mona", Roles.Moderator);
        await SendAsync(new LockTrustLevel.Command { MemberId = nina, Level = TrustLevel.Member, Reason = "Our partner's engineer" });
        var trust = await SendAsync(new GetMemberTrust.Query(nina));
        Assert.Equal(("Member", "New", true), (trust.LevelName, trust.EarnedName, trust.IsLocked));

        RunAs(nina);
        ShippedTrustRules();
        await SendAsync(Thread("A question", "Published at once"));
        Assert.False(await QueryAsync(db => db.Posts.AnyAsync(p => p.AwaitingApproval)));
        var logged = Assert.Single(await AuditLogAsync());
        Assert.Equal((ModerationAction.LockTrust, moderator, "at Member"), (logged.Action, logged.ModeratorId, logged.Detail));
    }

    [Fact]
    public async Task After_two_approved_posts_a_new_member_posts_at_once()
    {
        await CreateSpaceAsync();
        var nina = await RunAsNewAsync("Nina");
        ShippedTrustRules();
        var first = await SendAsync(Thread("First", "My first question"));
        var second = await SendAsync(Reply(first, "And a follow-up"));
        await RunAsNewAsync("Mona", Roles.Moderator);
        foreach (var pending in (await SendAsync(new GetPendingPosts.Query())).Posts)
        {
            await SendAsync(new ApprovePost.Command { PostId = pending.PostId });
        }

        RunAs(nina);
        await SendAsync(Reply(first, "A third post"));
        Assert.Equal(3, await QueryAsync(db => db.Posts.CountAsync(p => p.AuthorId == nina && !p.AwaitingApproval)));
        Assert.NotEqual(0, second.PostId);
    }

    [Fact]
    public async Task The_same_body_posted_across_ten_threads_by_a_new_member_is_held_with_the_scorers_reason()
    {
        await CreateSpaceAsync();
        var nina = await RunAsNewAsync("Nina");
        await RunAsNewAsync("Mona", Roles.Moderator);
        await SendAsync(new LockTrustLevel.Command { MemberId = nina, Level = TrustLevel.New });
        var threads = new List<StartThread.Result>();
        for (var i = 0; i < 10; i++)
        {
            threads.Add(await SendAsync(Thread($"Topic {i}", $"Genuine question {i}")));
        }

        RunAs(nina);
        ShippedTrustRules();
        Fixture.Configuration["Trust:New:FirstPostsNeedingApproval"] = "0";
        foreach (var thread in threads)
        {
            await SendAsync(Reply(thread, "Best prices on replica watches, message me."));
        }

        var replies = await QueryAsync(db => db.Posts.Where(p => p.AuthorId == nina).OrderBy(p => p.Id).ToListAsync());
        Assert.False(replies[0].AwaitingApproval);
        Assert.All(replies.Skip(1), r => Assert.True(r.AwaitingApproval));
        Assert.Contains("the same text posted in 2 other threads", replies[2].ApprovalNote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_leaders_flag_hides_a_reply_at_once_pending_review_and_an_ordinary_flag_does_not()
    {
        var c = await AConversationAsync();
        var moderator = await RunAsNewAsync("Mona", Roles.Moderator);
        var leader = await RunAsNewAsync("Leah");
        var member = await RunAsNewAsync("Mo");
        RunAs(moderator, Roles.Moderator);
        await SendAsync(new LockTrustLevel.Command { MemberId = leader, Level = TrustLevel.Leader });

        RunAs(member);
        await SendAsync(new FlagPost.Command { PostId = c.ReplyId, Reason = "Off topic" });
        Assert.Null(await QueryAsync(db => db.Posts.Where(p => p.Id == c.ReplyId).Select(p => p.HiddenAt).SingleAsync()));

        RunAs(leader);
        await SendAsync(new FlagPost.Command { PostId = c.ReplyId, Reason = "Spam link" });
        var post = await QueryAsync(db => db.Posts.SingleAsync(p => p.Id == c.ReplyId));
        Assert.NotNull(post.HiddenAt);
        Assert.Contains("Spam link", post.HiddenReason, StringComparison.Ordinal);
        Assert.Equal(2, await QueryAsync(db => db.Flags.CountAsync(f => f.ResolvedAt == null)));
        Assert.Equal(ModerationAction.HidePostOnLeadersFlag, (await AuditLogAsync()).Last().Action);
    }
}
