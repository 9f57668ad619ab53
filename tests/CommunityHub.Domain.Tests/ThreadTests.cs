using CommunityHub.Domain.Common;
using CommunityHub.Domain.Threads;

namespace CommunityHub.Domain.Tests;

public sealed class ThreadTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Author = Guid.NewGuid();

    [Fact]
    public void Starting_a_thread_creates_its_opening_post_and_makes_the_author_the_last_poster()
    {
        var submission = Guid.NewGuid();
        var thread = DiscussionThread.Start(7, Author, "  How do I export?  ", "Body text", "<p>Body text</p>", submission, Now);

        Assert.Equal("How do I export?", thread.Title);
        Assert.Equal(7, thread.SpaceId);
        Assert.Equal(0, thread.ReplyCount);
        Assert.Equal(Now, thread.CreatedAt);
        Assert.Equal(Now, thread.LastActivityAt);
        Assert.Equal(Author, thread.LastPosterId);
        var opening = Assert.Single(thread.Posts);
        Assert.True(opening.IsOpeningPost);
        Assert.Equal(Author, opening.AuthorId);
        Assert.Equal(submission, opening.SubmissionId);
        Assert.Null(opening.InReplyToPostId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("    ")]
    public void A_thread_needs_a_title(string title) =>
        Assert.Throws<DomainException>(() => DiscussionThread.Start(1, Author, title, "Body", "<p>Body</p>", Guid.NewGuid(), Now));

    [Fact]
    public void A_title_may_be_as_long_as_the_limit_but_no_longer()
    {
        DiscussionThread.Start(1, Author, new string('t', PostLimits.TitleMaxLength), "Body", "<p>Body</p>", Guid.NewGuid(), Now);
        Assert.Throws<DomainException>(() =>
            DiscussionThread.Start(1, Author, new string('t', PostLimits.TitleMaxLength + 1), "Body", "<p>Body</p>", Guid.NewGuid(), Now));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\t ")]
    public void A_post_needs_a_body(string body) =>
        Assert.Throws<DomainException>(() => Post.Reply(1, Author, body, string.Empty, null, Guid.NewGuid(), Now));

    [Fact]
    public void A_body_may_be_as_long_as_the_limit_but_no_longer()
    {
        Post.Reply(1, Author, new string('b', PostLimits.BodyMaxLength), "<p>b</p>", null, Guid.NewGuid(), Now);
        Assert.Throws<DomainException>(() =>
            Post.Reply(1, Author, new string('b', PostLimits.BodyMaxLength + 1), "<p>b</p>", null, Guid.NewGuid(), Now));
    }

    [Fact]
    public void A_reply_remembers_whom_it_answers()
    {
        var reply = Post.Reply(12, Author, "Agreed", "<p>Agreed</p>", 40, Guid.NewGuid(), Now);

        Assert.Equal(12, reply.ThreadId);
        Assert.Equal(40, reply.InReplyToPostId);
        Assert.False(reply.IsOpeningPost);
    }

    [Fact]
    public void A_post_needs_an_author_and_a_submission_id()
    {
        Assert.Throws<DomainException>(() => Post.Reply(1, Guid.Empty, "Body", "<p>Body</p>", null, Guid.NewGuid(), Now));
        Assert.Throws<DomainException>(() => Post.Reply(1, Author, "Body", "<p>Body</p>", null, Guid.Empty, Now));
    }
}
