using CommunityHub.Domain.Common;
using CommunityHub.Domain.Moderation;
using CommunityHub.Domain.Tags;
using CommunityHub.Domain.Threads;
using CommunityHub.Domain.Trust;
using static CommunityHub.Domain.Tests.Conversations;

namespace CommunityHub.Domain.Tests;

/// <summary>Who may change a thread's title (and, as Leaders, its tags), and what lands in the audit log.</summary>
public sealed class RetitleTests
{
    [Fact]
    public void The_starter_retitles_their_own_thread_and_nothing_is_logged()
    {
        var alice = AMember();
        var thread = AThread(alice, title: "help");

        thread.Retitle(alice, TrustLevel.New, "  Export to CSV drops the filters  ", Now);

        Assert.Equal("Export to CSV drops the filters", thread.Title);
        Assert.DoesNotContain(thread.TakeDomainEvents(), e => e is ThreadModerated);
    }

    [Fact]
    public void A_leader_retitles_someone_elses_thread_and_the_audit_log_keeps_the_old_title()
    {
        var thread = AThread(title: "help!!");
        var leader = AMember();

        thread.Retitle(leader, TrustLevel.Leader, "Export to CSV drops the filters", Now);

        var logged = Assert.Single(thread.TakeDomainEvents().OfType<ThreadModerated>());
        Assert.Equal((leader.MemberId!.Value, ModerationAction.RetitleThread, "was \u201chelp!!\u201d"), (logged.ModeratorId, logged.Action, logged.Detail));
        Assert.Equal(thread.AuthorId, logged.StarterId);
    }

    [Theory]
    [InlineData(TrustLevel.New)]
    [InlineData(TrustLevel.Member)]
    [InlineData(TrustLevel.Regular)]
    public void A_member_below_leader_cannot_retitle_someone_elses_thread(TrustLevel level)
    {
        var thread = AThread(title: "help");

        var refused = Assert.Throws<ForbiddenException>(() => thread.Retitle(AMember(), level, "Better", Now));

        Assert.Contains("a Leader", refused.Message, StringComparison.Ordinal);
        Assert.Equal("help", thread.Title);
        Assert.False(ConversationPolicy.Retitle(Members.Viewer.Anonymous, thread, TrustLevel.Leader).IsAllowed);
    }

    [Fact]
    public void A_locked_or_closed_thread_keeps_its_title_except_for_a_moderator()
    {
        var alice = AMember();
        var thread = AThread(alice, title: "help");
        thread.Lock(AModerator(), null, Now);

        Assert.Throws<DomainException>(() => thread.Retitle(alice, TrustLevel.New, "Better", Now));
        Assert.Throws<DomainException>(() => thread.Retitle(AMember(), TrustLevel.Leader, "Better", Now));
        Assert.Throws<DomainException>(() => thread.Retitle(AStaffMember(), TrustLevel.New, "Better", Now));
        thread.Retitle(AModerator(), TrustLevel.New, "Better", Now);
        Assert.Equal("Better", thread.Title);

        var closed = AThread(alice);
        closed.Close(AModerator(), null, Now);
        Assert.Contains("closed", Assert.Throws<DomainException>(() => closed.Retitle(alice, TrustLevel.New, "Better", Now)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_or_unchanged_title_is_refused_with_a_message()
    {
        var alice = AMember();
        var thread = AThread(alice, title: "Same");

        Assert.Throws<DomainException>(() => thread.Retitle(alice, TrustLevel.New, "   ", Now));
        Assert.Contains("already", Assert.Throws<DomainException>(() => thread.Retitle(alice, TrustLevel.New, "Same", Now)).Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => thread.Retitle(alice, TrustLevel.New, new string('x', PostLimits.TitleMaxLength + 1), Now));
    }

    [Fact]
    public void A_leader_tags_someone_elses_thread_and_a_regular_cannot()
    {
        var thread = AThread();
        var tag = new TagChoice(1, "billing", GroupId: null);

        Assert.Throws<ForbiddenException>(() => thread.Retag(AMember(), [tag], [], TrustLevel.Regular));
        thread.Retag(AMember(), [tag], [], TrustLevel.Leader);

        Assert.Equal([1], thread.Tags.Select(t => t.TagId));
    }
}
