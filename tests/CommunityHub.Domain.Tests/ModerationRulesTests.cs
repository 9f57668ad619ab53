using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;
using CommunityHub.Domain.Threads;
using static CommunityHub.Domain.Tests.Conversations;

namespace CommunityHub.Domain.Tests;

public sealed class ModerationRulesTests
{
    [Fact]
    public void Editing_a_post_returns_the_version_it_replaced_marks_it_edited_and_is_recorded()
    {
        var author = AMember();
        var thread = AThread();
        var post = thread.AReply(author: author, draft: Draft("First words"));
        thread.TakeDomainEvents();

        var first = thread.Edit(post, author, Standing.Good, Draft("Second words"), Now.AddMinutes(5));
        var second = thread.Edit(post, author, Standing.Good, Draft("Third words"), Now.AddMinutes(9));

        Assert.Equal(("First words", Now, author.MemberId!.Value, Now.AddMinutes(5)), (first.Body, first.WrittenAt, first.ReplacedById, first.ReplacedAt));
        Assert.Equal(("Second words", Now.AddMinutes(5)), (second.Body, second.WrittenAt));
        Assert.Equal(("Third words", (DateTimeOffset?)Now.AddMinutes(9)), (post.Body, post.EditedAt));
        Assert.All(thread.TakeDomainEvents(), e => Assert.IsType<PostEdited>(e));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Some words")]
    public void An_edit_must_change_the_post_and_leave_something(string body)
    {
        var author = AMember();
        var thread = AThread();
        var post = thread.AReply(author: author);
        Assert.Throws<DomainException>(() => thread.Edit(post, author, Standing.Good, Draft(body), Now));
    }

    [Fact]
    public void A_moderators_edit_of_someone_elses_post_is_a_moderation_action()
    {
        var thread = AThread();
        var post = thread.AReply();
        thread.TakeDomainEvents();

        thread.Edit(post, AModerator(), standing: null, Draft("Cleaned up"), Now);

        Assert.Single(thread.TakeDomainEvents().OfType<PostModerated>(), e => e.Action == ModerationAction.EditPost);
    }

    [Fact]
    public void A_reply_is_hidden_with_a_reason_and_restored_but_an_opening_post_is_never_hidden()
    {
        var moderator = AModerator();
        var thread = AThread();
        var post = thread.AReply();
        thread.TakeDomainEvents();

        thread.Hide(post, moderator, "  Spam  ", Now);
        Assert.Equal(("Spam", (DateTimeOffset?)Now), (post.HiddenReason, post.HiddenAt));
        Assert.Equal("The post is hidden already.", Assert.Throws<DomainException>(() => thread.Hide(post, moderator, "Again", Now)).Message);
        thread.Restore(post, moderator, Now);
        Assert.Null(post.HiddenAt);
        Assert.Null(post.HiddenReason);
        Assert.Throws<DomainException>(() => thread.Restore(post, moderator, Now));
        Assert.Throws<DomainException>(() => thread.Hide(thread.AReply(), moderator, " ", Now));
        Assert.Throws<DomainException>(() => thread.Hide(thread.Posts.Single(), moderator, "Off topic", Now));
        Assert.Equal([ModerationAction.HidePost, ModerationAction.RestorePost], thread.TakeDomainEvents().OfType<PostModerated>().Select(e => e.Action));
    }

    [Fact]
    public void Only_a_moderator_hides_and_a_hidden_reply_stops_being_the_official_answer()
    {
        var thread = AThread();
        var post = thread.AReply();
        thread.MarkOfficialAnswer(post, AStaffMember(), Now);

        Assert.Throws<ForbiddenException>(() => thread.Hide(post, AMember(), "Spam", Now));
        thread.Hide(post, AModerator(), "Spam", Now);
        Assert.Null(thread.OfficialAnswerPostId);
    }

    [Fact]
    public void Moderators_change_a_threads_state_once_each_way_and_every_change_is_recorded()
    {
        var moderator = AModerator();
        var thread = AThread();
        thread.TakeDomainEvents();

        thread.Lock(moderator, "Heated", Now);
        Assert.True(thread.IsLocked);
        Assert.Equal("The thread is locked already.", Assert.Throws<DomainException>(() => thread.Lock(moderator, null, Now)).Message);
        thread.Close(moderator, null, Now);
        thread.Reopen(moderator, null, Now);
        thread.Unlock(moderator, null, Now);
        Assert.Throws<ForbiddenException>(() => thread.Pin(AMember(), null, Now));

        Assert.Equal(
            [ModerationAction.LockThread, ModerationAction.CloseThread, ModerationAction.ReopenThread, ModerationAction.UnlockThread],
            thread.TakeDomainEvents().OfType<ThreadModerated>().Select(e => e.Action));
    }

    [Fact]
    public void A_suspended_member_may_post_again_once_the_suspension_ends_and_a_banned_one_only_when_reinstated()
    {
        var moderator = AModerator();
        var member = Member.Join(Guid.NewGuid(), "Bruno", "bruno", Now);
        member.Suspend(moderator, isAdmin: false, Now.AddDays(2), "Spam", null, Now);
        Assert.False(member.MayPostAt(Now.AddDays(1)));
        Assert.True(member.MayPostAt(Now.AddDays(2)));

        member.Ban(moderator, isAdmin: false, "Spam account", null, Now);
        Assert.False(member.MayPostAt(Now.AddYears(5)));
        member.Reinstate(moderator, isAdmin: false, Now);
        Assert.True(member.MayPostAt(Now));
        Assert.Throws<DomainException>(() => member.Reinstate(moderator, isAdmin: false, Now));
        Assert.Throws<DomainException>(() => member.Suspend(moderator, isAdmin: false, Now, "Ends now", null, Now));
        Assert.Equal(
            [ModerationAction.SuspendMember, ModerationAction.BanMember, ModerationAction.ReinstateMember],
            member.TakeDomainEvents().OfType<MemberModerated>().Select(e => e.Action));
    }

    [Fact]
    public void Moderators_never_act_on_themselves_and_only_admins_act_on_an_admin()
    {
        var moderator = AModerator();
        var member = Member.Join(Guid.NewGuid(), "Ada", "ada", Now);
        var self = Member.Join(moderator.MemberId!.Value, "Morgan", "morgan", Now);

        Assert.Throws<ForbiddenException>(() => member.Warn(moderator, isAdmin: true, "Rude", null, Now));
        Assert.Throws<ForbiddenException>(() => self.Ban(moderator, isAdmin: false, "Oops", null, Now));
        Assert.Throws<ForbiddenException>(() => member.Warn(AMember(), isAdmin: false, "Rude", null, Now));
        member.Warn(Viewer.Of(Guid.NewGuid(), [Roles.Admin]), isAdmin: true, "Rude", null, Now);
    }

    [Fact]
    public void A_title_goes_with_a_badge_and_is_dropped_without_one()
    {
        var member = Member.Join(Guid.NewGuid(), "Sam", "sam", Now);
        member.ShowAs(MemberBadge.Staff, "  Product Manager ");
        Assert.Equal((MemberBadge.Staff, "Product Manager"), (member.Badge, member.Title));
        member.ShowAs(MemberBadge.None, "Product Manager");
        Assert.Null(member.Title);
        Assert.Throws<DomainException>(() => member.ShowAs(MemberBadge.Staff, new string('t', Member.TitleMaxLength + 1)));
    }

    [Fact]
    public void A_flag_is_resolved_once()
    {
        var flag = Flag.Raise(1, Guid.NewGuid(), "Spam", Now);
        flag.Resolve(Guid.NewGuid(), FlagResolution.Dismissed, Now);
        Assert.Throws<DomainException>(() => flag.Resolve(Guid.NewGuid(), FlagResolution.PostHidden, Now));
        Assert.Throws<DomainException>(() => Flag.Raise(1, Guid.NewGuid(), "  ", Now));
    }
}
