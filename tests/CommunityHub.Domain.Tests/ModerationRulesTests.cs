using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;
using CommunityHub.Domain.Threads;

namespace CommunityHub.Domain.Tests;

public sealed class ModerationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static Post AReply() => Post.Reply(1, Guid.NewGuid(), "First words", "<p>First words</p>", null, Guid.NewGuid(), Now);

    [Fact]
    public void Editing_a_post_returns_the_version_it_replaced_and_marks_it_edited()
    {
        var post = AReply();
        var editor = Guid.NewGuid();

        var first = post.Edit(editor, "Second words", "<p>Second words</p>", Now.AddMinutes(5));
        var second = post.Edit(editor, "Third words", "<p>Third words</p>", Now.AddMinutes(9));

        Assert.Equal(("First words", Now, editor, Now.AddMinutes(5)), (first.Body, first.WrittenAt, first.ReplacedById, first.ReplacedAt));
        Assert.Equal(("Second words", Now.AddMinutes(5)), (second.Body, second.WrittenAt));
        Assert.Equal(("Third words", (DateTimeOffset?)Now.AddMinutes(9)), (post.Body, post.EditedAt));
    }

    [Theory]
    [InlineData("")]
    [InlineData("First words")]
    public void An_edit_must_change_the_post_and_leave_something(string body) =>
        Assert.Throws<DomainException>(() => AReply().Edit(Guid.NewGuid(), body, body, Now));

    [Fact]
    public void A_reply_is_hidden_with_a_reason_and_restored_but_an_opening_post_is_never_hidden()
    {
        var post = AReply();
        post.Hide("  Spam  ", Now);
        Assert.Equal(("Spam", (DateTimeOffset?)Now), (post.HiddenReason, post.HiddenAt));
        Assert.Throws<DomainException>(() => post.Hide("Again", Now));
        post.Restore();
        Assert.Null(post.HiddenAt);
        Assert.Null(post.HiddenReason);
        Assert.Throws<DomainException>(() => AReply().Hide(" ", Now));

        var opening = DiscussionThread.Start(1, Guid.NewGuid(), "Title", "Body", "<p>Body</p>", Guid.NewGuid(), Now).Posts.Single();
        Assert.Throws<DomainException>(() => opening.Hide("Off topic", Now));
    }

    [Fact]
    public void A_suspended_member_may_post_again_once_the_suspension_ends_and_a_banned_one_only_when_reinstated()
    {
        var member = Member.Join(Guid.NewGuid(), "Bruno", "bruno", Now);
        member.Suspend(Now.AddDays(2), "Spam", Now);
        Assert.False(member.MayPostAt(Now.AddDays(1)));
        Assert.True(member.MayPostAt(Now.AddDays(2)));

        member.Ban("Spam account");
        Assert.False(member.MayPostAt(Now.AddYears(5)));
        member.Reinstate();
        Assert.True(member.MayPostAt(Now));
        Assert.Throws<DomainException>(() => member.Suspend(Now, "Ends now", Now));
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
