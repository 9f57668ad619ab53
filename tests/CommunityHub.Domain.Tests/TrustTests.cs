using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;
using CommunityHub.Domain.Safety;
using CommunityHub.Domain.Threads;
using CommunityHub.Domain.Trust;
using static CommunityHub.Domain.Tests.Conversations;

namespace CommunityHub.Domain.Tests;

public sealed class TrustTests
{
    private static readonly TrustOptions Options = new();

    private static TrustRecord Record(int days = 0, int posts = 0, int read = 0, int help = 0, int upheld = 0, TrustLevel? locked = null) =>
        new(Now.AddDays(-days), posts, read, help, upheld, locked);

    [Fact]
    public void A_member_who_just_joined_is_new()
    {
        Assert.Equal(TrustLevel.New, TrustRules.Of(Record(), Options, Now).Level);
    }

    [Fact]
    public void A_level_is_reached_when_every_requirement_is_met_and_not_before()
    {
        Assert.Equal(TrustLevel.Member, TrustRules.Earned(Record(days: 1, posts: 3, read: 5), Options, Now));
        Assert.Equal(TrustLevel.New, TrustRules.Earned(Record(days: 1, posts: 3, read: 4), Options, Now));
        Assert.Equal(TrustLevel.New, TrustRules.Earned(Record(days: 0, posts: 300, read: 500), Options, Now));
    }

    [Fact]
    public void Help_confirmed_by_others_is_what_makes_a_regular_and_a_leader()
    {
        Assert.Equal(TrustLevel.Member, TrustRules.Earned(Record(days: 400, posts: 500, read: 500, help: 2), Options, Now));
        Assert.Equal(TrustLevel.Regular, TrustRules.Earned(Record(days: 400, posts: 500, read: 500, help: 3), Options, Now));
        Assert.Equal(TrustLevel.Leader, TrustRules.Earned(Record(days: 90, posts: 50, read: 60, help: 15), Options, Now));
    }

    [Fact]
    public void An_upheld_flag_moves_a_member_down()
    {
        Assert.Equal(TrustLevel.Leader, TrustRules.Earned(Record(days: 400, posts: 500, read: 500, help: 50), Options, Now));
        Assert.Equal(TrustLevel.New, TrustRules.Earned(Record(days: 400, posts: 500, read: 500, help: 50, upheld: 1), Options, Now));
    }

    [Fact]
    public void A_lock_fixes_the_level_whatever_is_earned_and_says_what_would_be()
    {
        var trust = TrustRules.Of(Record(locked: TrustLevel.Leader), Options, Now);
        Assert.Equal((TrustLevel.Leader, TrustLevel.New, true), (trust.Level, trust.Earned, trust.IsLocked));
        var down = TrustRules.Of(Record(days: 400, posts: 500, read: 500, help: 50, locked: TrustLevel.New), Options, Now);
        Assert.Equal((TrustLevel.New, TrustLevel.Leader), (down.Level, down.Earned));
    }

    [Fact]
    public void A_new_members_first_posts_need_approval_and_later_ones_do_not()
    {
        Assert.True(TrustRules.FirstPostsNeedApproval(TrustLevel.New, 0, Options));
        Assert.True(TrustRules.FirstPostsNeedApproval(TrustLevel.New, 1, Options));
        Assert.False(TrustRules.FirstPostsNeedApproval(TrustLevel.New, 2, Options));
        Assert.False(TrustRules.FirstPostsNeedApproval(TrustLevel.Member, 0, Options));
    }

    [Fact]
    public void A_new_member_is_refused_too_many_links_files_or_threads_with_a_sentence_naming_the_level()
    {
        var links = TrustRules.MayPost(TrustLevel.New, Options, links: 3, attachments: 0, threadsToday: null);
        Assert.Contains("at most 2 links", links.Reason, StringComparison.Ordinal);
        Assert.Contains("New", links.Reason, StringComparison.Ordinal);
        Assert.False(links.IsForbidden);
        Assert.Contains("at most 1 file", TrustRules.MayPost(TrustLevel.New, Options, 0, 2, null).Reason, StringComparison.Ordinal);
        Assert.Contains("3 threads a day", TrustRules.MayPost(TrustLevel.New, Options, 0, 0, 3).Reason, StringComparison.Ordinal);
        Assert.True(TrustRules.MayPost(TrustLevel.New, Options, 2, 1, 2).IsAllowed);
        Assert.True(TrustRules.MayPost(TrustLevel.Regular, Options, 40, 9, 40).IsAllowed);
    }

    [Fact]
    public void Moderators_lock_a_trust_level_and_the_audit_log_says_so_but_members_cannot()
    {
        var member = Member.Join(Guid.NewGuid(), "Nina", "nina", Now);
        member.TakeDomainEvents();
        Assert.Throws<ForbiddenException>(() => member.LockTrust(AMember(), false, TrustLevel.Leader, "Leader", null, Now));
        Assert.Throws<ForbiddenException>(() => member.LockTrust(AStaffMember(), false, TrustLevel.Leader, "Leader", null, Now));

        member.LockTrust(AModerator(), false, TrustLevel.Regular, "Regular", "Known expert", Now);
        Assert.Equal(TrustLevel.Regular, member.TrustLockedAt);
        var logged = Assert.IsType<MemberModerated>(Assert.Single(member.TakeDomainEvents()));
        Assert.Equal((ModerationAction.LockTrust, "at Regular", "Known expert"), (logged.Action, logged.Detail, logged.Reason));
        Assert.Throws<DomainException>(() => member.LockTrust(AModerator(), false, TrustLevel.Regular, "Regular", null, Now));

        member.LockTrust(AModerator(), false, null, string.Empty, null, Now);
        Assert.Null(member.TrustLockedAt);
        Assert.Equal(ModerationAction.UnlockTrust, Assert.IsType<MemberModerated>(Assert.Single(member.TakeDomainEvents())).Action);
    }

    [Fact]
    public void A_held_reply_records_only_that_it_waits_and_moves_no_counter_until_approved_with_its_time()
    {
        var thread = AThread();
        thread.TakeDomainEvents();
        var reply = thread.Reply(99_001, AMember(), Standing.Good, Draft(), null, false, Empty, Place(), Now, heldBecause: "First post.");
        Assert.True(reply.AwaitingApproval);
        Assert.Equal(0, thread.ReplyCount);
        Assert.IsType<PostHeld>(Assert.Single(thread.TakeDomainEvents()));
        Assert.Throws<ForbiddenException>(() => thread.Approve(reply, AMember(), Empty, Place(), Now.AddHours(2)));

        thread.Approve(reply, AModerator(), Empty, Place(), Now.AddHours(2));
        Assert.False(reply.AwaitingApproval);
        Assert.Equal(1, thread.ReplyCount);
        var events = thread.TakeDomainEvents();
        Assert.Equal(Now, Assert.Single(events.OfType<ReplyPosted>()).At);
        Assert.Equal(ModerationAction.ApprovePost, Assert.Single(events.OfType<PostModerated>()).Action);
        Assert.Throws<DomainException>(() => thread.Approve(reply, AModerator(), Empty, Place(), Now));
    }

    [Fact]
    public void A_post_awaiting_approval_is_seen_only_by_its_author_and_moderators_and_cannot_be_acknowledged_or_flagged()
    {
        var author = AMember();
        var thread = AThread();
        var reply = thread.Reply(99_002, author, Standing.Good, Draft(), null, false, Empty, Place(), Now, heldBecause: "First post.");
        var other = AMember();

        Assert.False(ConversationPolicy.MayReadBody(other, reply));
        Assert.False(ConversationPolicy.IsListed(other, reply));
        Assert.False(ConversationPolicy.IsListed(AModerator(), reply));
        Assert.True(ConversationPolicy.MayReadBody(author, reply));
        Assert.True(ConversationPolicy.MayReadBody(AModerator(), reply));
        Assert.False(ConversationPolicy.Acknowledge(other, reply, Reciprocity.ReciprocityKind.Thanks).IsAllowed);
        Assert.False(ConversationPolicy.Flag(other, reply, Standing.Good, Now).IsAllowed);
        Assert.False(ConversationPolicy.Hide(AModerator(), reply).IsAllowed);
        Assert.True(ConversationPolicy.ForPost(author, thread, reply).AwaitingApproval);
        Assert.False(ConversationPolicy.ForPost(author, thread, reply).Reply);
        var onThePage = ConversationPolicy.OnThreadPage<PostSnapshot>(other).Compile();
        Assert.False(onThePage(new PostSnapshot(author.MemberId!.Value, false, false, null, null, AwaitingApproval: true)));
        Assert.True(ConversationPolicy.OnThreadPage<PostSnapshot>(author).Compile()(new PostSnapshot(author.MemberId!.Value, false, false, null, null, AwaitingApproval: true)));
        Assert.False(ConversationPolicy.InTheConversation<PostSnapshot>().Compile()(new PostSnapshot(author.MemberId!.Value, false, false, null, null, AwaitingApproval: true)));
    }

    [Fact]
    public void The_scorer_explains_a_link_farm_from_a_brand_new_account()
    {
        var farm = string.Join(" ", Enumerable.Range(1, 8).Select(i => $"https://cheap-{i}.example/buy"));
        var verdict = SpamScorer.Score(new SpamSample("Buy now " + farm, TimeSpan.FromSeconds(40), IsFirstPost: true, DuplicateThreads: 0));
        Assert.True(verdict.Suspicious);
        Assert.Contains("8 links in", verdict.Explain(), StringComparison.Ordinal);
        Assert.Contains("less than an hour old", verdict.Explain(), StringComparison.Ordinal);
        Assert.Contains("first post 40 seconds after registering", verdict.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_scorer_holds_a_body_posted_in_other_threads_and_lets_an_ordinary_question_pass()
    {
        var duplicate = SpamScorer.Score(new SpamSample("Great deals inside", TimeSpan.FromDays(3), IsFirstPost: false, DuplicateThreads: 4));
        Assert.True(duplicate.Suspicious);
        Assert.Contains("the same text posted in 4 other threads", duplicate.Explain(), StringComparison.Ordinal);

        var question = SpamScorer.Score(new SpamSample("How do I export a report as CSV? See https://docs.example/export", TimeSpan.FromMinutes(10), IsFirstPost: true, DuplicateThreads: 0));
        Assert.False(question.Suspicious);
    }

    [Fact]
    public void Links_are_counted_in_every_form_and_their_hosts_named()
    {
        const string Body = "See [docs](https://Docs.Example.com/a), <http://x.test/b> and www.spam.test today.";
        Assert.Equal(3, Links.Count(Body));
        Assert.Equal(["docs.example.com", "x.test", "spam.test"], Links.Hosts(Body));
    }
}
