using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Reciprocity;
using CommunityHub.Domain.Threads;
using static CommunityHub.Domain.Tests.Conversations;

namespace CommunityHub.Domain.Tests;

/// <summary>The one home of who may see and do what in a conversation: what the aggregates enforce and what
/// pages are offered come from the same answers.</summary>
public sealed class ConversationPolicyTests
{
    private static PostSnapshot Reply(Guid author, bool staffNote = false, bool hidden = false, bool deleted = false, bool opening = false) =>
        new(author, opening, staffNote, hidden ? Now : null, deleted ? Now : null);

    [Fact]
    public void A_closed_thread_takes_no_reply_and_a_locked_one_only_a_moderators_while_staff_notes_go_on()
    {
        var moderator = AModerator();
        var thread = AThread();
        thread.Close(moderator, null, Now);
        Assert.StartsWith("This thread is closed", Assert.Throws<DomainException>(() => thread.AReply(author: moderator)).Message);
        thread.AReply(author: AStaffMember(), staffNote: true);

        thread.Reopen(moderator, null, Now);
        thread.Lock(moderator, null, Now);
        Assert.StartsWith("This thread is locked", Assert.Throws<DomainException>(() => thread.AReply()).Message);
        thread.AReply(author: moderator);
        Assert.Equal(1, thread.ReplyCount);
    }

    [Fact]
    public void A_suspended_banned_or_unconfirmed_member_is_told_why_they_cannot_write()
    {
        var thread = AThread();
        var suspended = new Standing(false, Now.AddDays(1), "Spam.", false);
        var banned = new Standing(true, null, "Abuse", false);
        var unconfirmed = Standing.Good with { EmailUnconfirmed = true };

        Assert.Contains("suspended from posting until 24 November 2026, 09:00 UTC. Reason: Spam.",
            Assert.Throws<DomainException>(() => thread.Reply(1, AMember(), suspended, Draft(), null, false, Empty, Place(), Now)).Message);
        Assert.Contains("banned", Assert.Throws<DomainException>(() => thread.Reply(1, AMember(), banned, Draft(), null, false, Empty, Place(), Now)).Message);
        Assert.Equal(Standing.UnconfirmedEmailMessage, Assert.Throws<DomainException>(() => DiscussionThread.Start(1, 2, 7, AMember(), unconfirmed, "T", Draft(), Place(), Now)).Message);
        Assert.True(suspended.ToWrite(Now.AddDays(1)).IsAllowed);
    }

    [Fact]
    public void An_author_edits_while_the_thread_takes_replies_and_the_post_is_shown_a_moderator_always()
    {
        var author = AMember();
        var thread = AThread();
        var post = thread.AReply(author: author);

        Assert.True(ConversationPolicy.Edit(author, thread, post, Standing.Good, Now).IsAllowed);
        Assert.True(ConversationPolicy.Edit(AMember(), thread, post, Standing.Good, Now).IsForbidden);
        thread.Lock(AModerator(), null, Now);
        Assert.Equal("This thread is locked, so its posts can no longer be edited.", ConversationPolicy.Edit(author, thread, post, Standing.Good, Now).Reason);
        Assert.True(ConversationPolicy.Edit(AModerator(), thread, post, null, Now).IsAllowed);
        Assert.StartsWith("A moderator hid this post", ConversationPolicy.Edit(author, AThread(), Reply(author.MemberId!.Value, hidden: true), Standing.Good, Now).Reason);
    }

    [Fact]
    public void Nobody_acknowledges_their_own_post_a_removed_one_or_a_staff_note_and_helped_is_for_replies()
    {
        var author = Guid.NewGuid();
        var me = AMember();
        Assert.Equal("You cannot thank yourself.", ConversationPolicy.Acknowledge(Viewer.Of(author, [Roles.Member]), Reply(author), ReciprocityKind.Thanks).Reason);
        Assert.False(ConversationPolicy.Acknowledge(me, Reply(author, hidden: true), ReciprocityKind.Reaction).IsAllowed);
        Assert.False(ConversationPolicy.Acknowledge(me, Reply(author, deleted: true), ReciprocityKind.Helped).IsAllowed);
        Assert.True(ConversationPolicy.Acknowledge(me, Reply(author, staffNote: true), ReciprocityKind.Thanks).IsForbidden);
        Assert.False(ConversationPolicy.Acknowledge(me, Reply(author, opening: true), ReciprocityKind.Helped).IsAllowed);
        Assert.True(ConversationPolicy.Acknowledge(me, Reply(author, opening: true), ReciprocityKind.Thanks).IsAllowed);
        Assert.True(ConversationPolicy.Acknowledge(Viewer.Anonymous, Reply(author), ReciprocityKind.Thanks).IsForbidden);
    }

    [Fact]
    public void Only_the_starter_or_a_moderator_accepts_an_answer_by_someone_else_and_changing_it_takes_the_old_one_back()
    {
        var starter = AMember();
        var thread = AThread(starter: starter);
        var first = thread.AReply();
        var second = thread.AReply();

        Assert.Throws<ForbiddenException>(() => thread.AcceptAnswer(first, AMember(), null, Now));
        Assert.Throws<DomainException>(() => thread.AcceptAnswer(thread.AReply(author: starter), starter, null, Now));
        var record = thread.AcceptAnswer(first, starter, null, Now)!;
        Assert.Null(thread.AcceptAnswer(first, starter, record, Now));
        var replacing = thread.AcceptAnswer(second, AModerator(), record, Now.AddMinutes(1))!;

        Assert.Equal(Now.AddMinutes(1), record.RetractedAt);
        Assert.Equal((second.Id, starter.MemberId!.Value, second.AuthorId), (replacing.PostId, replacing.FromMemberId, replacing.ToMemberId));
        Assert.Equal(second.Id, thread.AcceptedAnswerPostId);
        Assert.IsType<ReciprocityGiven>(Assert.Single(replacing.TakeDomainEvents()));
        Assert.IsType<ReciprocityRetracted>(Assert.Single(record.TakeDomainEvents().OfType<ReciprocityRetracted>()));
    }

    [Fact]
    public void Only_the_companys_people_mark_an_official_answer_and_only_on_a_reply_members_can_read()
    {
        var thread = AThread();
        var staff = AStaffMember();
        Assert.Throws<ForbiddenException>(() => thread.MarkOfficialAnswer(thread.AReply(), AModerator(), Now));
        Assert.Throws<DomainException>(() => thread.MarkOfficialAnswer(thread.AReply(author: staff, staffNote: true), staff, Now));
        Assert.Throws<DomainException>(() => thread.MarkOfficialAnswer(thread.Posts.Single(), staff, Now));
        var reply = thread.AReply();
        thread.MarkOfficialAnswer(reply, staff, Now);
        Assert.Equal(reply.Id, thread.OfficialAnswerPostId);
    }

    [Fact]
    public void Lists_show_a_staff_note_only_to_the_staff_side_a_hidden_post_only_to_moderators_and_a_deleted_one_to_nobody()
    {
        var author = Guid.NewGuid();
        PostSnapshot[] posts = [Reply(author), Reply(author, staffNote: true), Reply(author, hidden: true), Reply(author, deleted: true)];
        bool[] Listed(Viewer viewer) => [.. posts.Select(p => ConversationPolicy.IsListed(viewer, p))];

        Assert.Equal([true, false, false, false], Listed(Viewer.Anonymous));
        Assert.Equal([true, false, false, false], Listed(AMember()));
        Assert.Equal([true, true, false, false], Listed(AStaffMember()));
        Assert.Equal([true, true, true, false], Listed(AModerator()));
        // The expression the queries use says the same.
        Assert.Equal(Listed(AStaffMember()), posts.Select(ConversationPolicy.Listed<PostSnapshot>(AStaffMember()).Compile()));
    }

    [Fact]
    public void A_hidden_posts_words_reach_only_its_author_and_moderators_and_a_deleted_posts_nobody()
    {
        var author = Viewer.Of(Guid.NewGuid(), [Roles.Member]);
        var hidden = Reply(author.MemberId!.Value, hidden: true);
        Assert.False(ConversationPolicy.MayReadBody(AMember(), hidden));
        Assert.True(ConversationPolicy.MayReadBody(author, hidden));
        Assert.True(ConversationPolicy.MayReadBody(AModerator(), hidden));
        Assert.False(ConversationPolicy.MayReadBody(AModerator(), Reply(author.MemberId.Value, deleted: true)));
        // A moderator may still review what was removed, in its history.
        Assert.True(ConversationPolicy.Reviewable<PostSnapshot>(AModerator()).Compile()(Reply(author.MemberId.Value, deleted: true)));
        Assert.False(ConversationPolicy.Reviewable<PostSnapshot>(author).Compile()(Reply(author.MemberId.Value, deleted: true)));
    }

    [Fact]
    public void A_page_offers_each_reader_exactly_what_the_writes_allow()
    {
        var starter = AMember();
        var author = AMember();
        var thread = AThread(starter: starter);
        var reply = thread.AReply(author: author);

        var anonymous = ConversationPolicy.ForPost(Viewer.Anonymous, thread, reply);
        Assert.Equal((true, false, false, false, false), (anonymous.Reply, anonymous.Edit, anonymous.Flag, anonymous.Acknowledge, anonymous.Hide));

        var own = ConversationPolicy.ForPost(author, thread, reply);
        Assert.Equal((true, true, false, false, true), (own.Edit, own.Delete, own.Flag, own.Acknowledge, own.Yours));

        var asker = ConversationPolicy.ForPost(starter, thread, reply);
        Assert.Equal((true, true, true, true, false), (asker.Accept, asker.MarkHelped, asker.Thank, asker.Flag, asker.Edit));

        var moderator = ConversationPolicy.ForPost(AModerator(), thread, reply);
        Assert.Equal((true, true, true, false, true), (moderator.Edit, moderator.Hide, moderator.Accept, moderator.Restore, moderator.SeeAuthorsStanding));

        var staff = ConversationPolicy.ForPost(AStaffMember(), thread, reply);
        Assert.True(staff.MarkOfficial);
        Assert.False(ConversationPolicy.ForPost(AStaffMember(), thread, thread.Posts.Single()).MarkOfficial);
        Assert.False(ConversationPolicy.ForThread(AMember(), thread).WriteStaffNote);
    }

    [Fact]
    public void A_reply_answers_the_post_it_replies_to_else_the_starter_and_the_starters_own_reply_answers_the_latest_other_voice()
    {
        var starter = Guid.NewGuid();
        var alice = Guid.NewGuid();
        var bruno = Guid.NewGuid();
        var latestByBruno = new EarlierPost(bruno, alice);
        var byStarter = new EarlierPost(starter, bruno);

        var toParent = ReplyPlacement.Of(alice, starter, new ThreadSoFar(latestByBruno, null, null, [], true, true));
        Assert.Equal((bruno, (Guid?)alice, (Guid?)bruno), (toParent.AddresseeId!.Value, toParent.AnsweredPostAddresseeId, toParent.ParentAuthorId));

        var toThread = ReplyPlacement.Of(alice, starter, new ThreadSoFar(null, latestByBruno, byStarter, [starter], false, false));
        Assert.Equal((starter, (Guid?)bruno, true), (toThread.AddresseeId!.Value, toThread.AnsweredPostAddresseeId, toThread.AuthorIsNewParticipant));

        var starterAgain = ReplyPlacement.Of(starter, starter, new ThreadSoFar(null, latestByBruno, byStarter, [starter, bruno], true, true));
        Assert.Equal((bruno, (Guid?)alice), (starterAgain.AddresseeId!.Value, starterAgain.AnsweredPostAddresseeId));

        Assert.Null(ReplyPlacement.Of(starter, starter, new ThreadSoFar(null, null, byStarter, [starter], true, true)).AddresseeId);
    }
}
