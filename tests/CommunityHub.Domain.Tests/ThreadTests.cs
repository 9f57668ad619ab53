using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Threads;
using static CommunityHub.Domain.Tests.Conversations;

namespace CommunityHub.Domain.Tests;

public sealed class ThreadTests
{
    [Fact]
    public void Starting_a_thread_creates_its_opening_post_and_makes_the_author_the_last_poster()
    {
        var author = AMember();
        var draft = Draft("Body text");
        var thread = DiscussionThread.Start(41, 42, 7, author, Standing.Good, "  How do I export?  ", draft, Place(), Now);

        Assert.Equal((41L, "How do I export?", 7, 0), (thread.Id, thread.Title, thread.SpaceId, thread.ReplyCount));
        Assert.Equal((Now, Now, author.MemberId!.Value), (thread.CreatedAt, thread.LastActivityAt, thread.LastPosterId));
        var opening = Assert.Single(thread.Posts);
        Assert.Equal((42L, 41L, true), (opening.Id, opening.ThreadId, opening.IsOpeningPost));
        Assert.Equal((author.MemberId.Value, draft.SubmissionId), (opening.AuthorId, opening.SubmissionId));
        Assert.Null(opening.InReplyToPostId);
        var started = Assert.IsType<ThreadStarted>(Assert.Single(thread.TakeDomainEvents()));
        Assert.Same(opening, started.OpeningPost);
        Assert.False(thread.HasDomainEvents);
    }

    [Theory]
    [InlineData("")]
    [InlineData("    ")]
    public void A_thread_needs_a_title(string title) =>
        Assert.Throws<DomainException>(() => AThread(title: title));

    [Fact]
    public void A_title_may_be_as_long_as_the_limit_but_no_longer()
    {
        AThread(title: new string('t', PostLimits.TitleMaxLength));
        Assert.Throws<DomainException>(() => AThread(title: new string('t', PostLimits.TitleMaxLength + 1)));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\t ")]
    public void A_post_needs_a_body(string body) =>
        Assert.Throws<DomainException>(() => AThread().AReply(draft: Draft(body)));

    [Fact]
    public void A_body_may_be_as_long_as_the_limit_but_no_longer()
    {
        var thread = AThread();
        thread.AReply(draft: Draft(new string('b', PostLimits.BodyMaxLength)));
        Assert.Throws<DomainException>(() => thread.AReply(draft: Draft(new string('b', PostLimits.BodyMaxLength + 1))));
    }

    [Fact]
    public void A_reply_remembers_whom_it_answers_counts_and_is_recorded()
    {
        var thread = AThread();
        thread.TakeDomainEvents();
        var reply = thread.AReply(inReplyTo: 40, at: Now.AddMinutes(3));

        Assert.Equal((thread.Id, (long?)40, false), (reply.ThreadId, reply.InReplyToPostId, reply.IsOpeningPost));
        Assert.Equal((1, Now.AddMinutes(3), reply.AuthorId), (thread.ReplyCount, thread.LastActivityAt, thread.LastPosterId));
        Assert.Same(reply, Assert.IsType<ReplyPosted>(Assert.Single(thread.TakeDomainEvents())).Reply);
    }

    [Fact]
    public void A_reply_written_earlier_never_moves_the_latest_activity_back()
    {
        var thread = AThread();
        var later = thread.AReply(at: Now.AddMinutes(10));
        thread.AReply(at: Now.AddMinutes(5));

        Assert.Equal((2, Now.AddMinutes(10), later.AuthorId), (thread.ReplyCount, thread.LastActivityAt, thread.LastPosterId));
    }

    [Fact]
    public void A_staff_note_moves_no_counter_and_only_the_staff_side_writes_one()
    {
        var thread = AThread();
        thread.AReply(author: AStaffMember(), staffNote: true, at: Now.AddMinutes(5));
        Assert.Equal((0, Now), (thread.ReplyCount, thread.LastActivityAt));

        Assert.Throws<ForbiddenException>(() => thread.AReply(author: AMember(), staffNote: true));
    }

    [Fact]
    public void A_post_needs_a_submission_id()
    {
        var thread = AThread();
        Assert.Throws<DomainException>(() => thread.AReply(draft: Draft() with { SubmissionId = Guid.Empty }));
    }

    [Fact]
    public void Mentions_are_recorded_once_each_and_never_of_the_author()
    {
        var author = AMember();
        var other = Guid.NewGuid();
        var reply = AThread().AReply(author: author, draft: Draft("@a @b", [other, other, author.MemberId!.Value]));

        Assert.Equal([other], reply.Mentions.Select(m => m.MemberId));
    }
}
