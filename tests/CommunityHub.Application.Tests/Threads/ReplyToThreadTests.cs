using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Threads;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Threads;

public sealed class ReplyToThreadTests(CommunityFixture fixture) : ApplicationTest(fixture)
{
    private async Task<StartThread.Result> AThreadByAliceAsync(string space = "questions")
    {
        await RunAsNewMemberAsync("Alice");
        return await SendAsync(new StartThread.Command { SpaceSlug = space, Title = "Export question", Body = "How?", SubmissionId = Guid.NewGuid() });
    }

    private static ReplyToThread.Command Reply(StartThread.Result thread, string body = "Like this.", long? inReplyTo = null) =>
        new() { SpaceSlug = thread.SpaceSlug, ThreadId = thread.ThreadId, Body = body, InReplyToPostId = inReplyTo, SubmissionId = Guid.NewGuid() };

    [Fact]
    public async Task A_reply_is_added_and_the_thread_and_space_move_to_the_top()
    {
        var space = await CreateSpaceAsync();
        var thread = await AThreadByAliceAsync();
        Fixture.Clock.Advance(TimeSpan.FromHours(2));
        var bruno = await RunAsNewMemberAsync("Bruno");

        var posted = await SendAsync(Reply(thread));

        var stored = await QueryAsync(db => db.Threads.SingleAsync(t => t.Id == thread.ThreadId));
        Assert.Equal(1, stored.ReplyCount);
        Assert.Equal(bruno, stored.LastPosterId);
        Assert.Equal(Fixture.Clock.GetUtcNow(), stored.LastActivityAt);
        var reply = await QueryAsync(db => db.Posts.SingleAsync(p => p.Id == posted.PostId));
        Assert.Equal(bruno, reply.AuthorId);
        Assert.False(reply.IsOpeningPost);
        Assert.Equal(Fixture.Clock.GetUtcNow(), await QueryAsync(db => db.Spaces.Where(s => s.Id == space.Id).Select(s => s.LastActivityAt).SingleAsync()));
    }

    [Fact]
    public async Task A_reply_to_an_earlier_reply_records_whom_it_answers()
    {
        await CreateSpaceAsync();
        var thread = await AThreadByAliceAsync();
        await RunAsNewMemberAsync("Bruno");
        var first = await SendAsync(Reply(thread, "First answer"));
        await RunAsNewMemberAsync("Chloe");

        var answer = await SendAsync(Reply(thread, "Replying to Bruno", first.PostId));

        Assert.Equal(first.PostId, await QueryAsync(db => db.Posts.Where(p => p.Id == answer.PostId).Select(p => p.InReplyToPostId).SingleAsync()));
    }

    [Fact]
    public async Task A_reply_cannot_answer_a_post_in_another_thread()
    {
        await CreateSpaceAsync();
        var thread = await AThreadByAliceAsync();
        var other = await SendAsync(new StartThread.Command { SpaceSlug = "questions", Title = "Another", Body = "Other", SubmissionId = Guid.NewGuid() });
        var otherPost = await QueryAsync(db => db.Posts.Where(p => p.ThreadId == other.ThreadId).Select(p => p.Id).SingleAsync());

        var refused = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(Reply(thread, inReplyTo: otherPost)));

        Assert.Contains(refused.Errors, e => e.PropertyName == nameof(ReplyToThread.Command.InReplyToPostId));
        Assert.Equal(0, await QueryAsync(db => db.Threads.Where(t => t.Id == thread.ThreadId).Select(t => t.ReplyCount).SingleAsync()));
    }

    [Fact]
    public async Task A_reply_sent_to_the_thread_under_another_spaces_address_is_not_found()
    {
        await CreateSpaceAsync();
        await CreateSpaceAsync("ideas", "Ideas", 2);
        var thread = await AThreadByAliceAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(Reply(thread with { SpaceSlug = "ideas" })));
        Assert.Equal(1, await QueryAsync(db => db.Posts.CountAsync()));
    }

    [Fact]
    public async Task A_reply_to_an_unknown_thread_is_not_found()
    {
        await CreateSpaceAsync();
        var thread = await AThreadByAliceAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(Reply(thread with { ThreadId = thread.ThreadId + 1000 })));
    }

    [Fact]
    public async Task An_anonymous_visitor_cannot_reply()
    {
        await CreateSpaceAsync();
        var thread = await AThreadByAliceAsync();
        RunAsAnonymous();

        await Assert.ThrowsAsync<NotSignedInException>(() => SendAsync(Reply(thread)));
        Assert.Equal(1, await QueryAsync(db => db.Posts.CountAsync()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n  ")]
    public async Task A_blank_reply_is_refused_and_nothing_changes(string body)
    {
        await CreateSpaceAsync();
        var thread = await AThreadByAliceAsync();

        var refused = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(Reply(thread, body)));

        Assert.Contains(refused.Errors, e => e.PropertyName == nameof(ReplyToThread.Command.Body));
        Assert.Equal(0, await QueryAsync(db => db.Threads.Select(t => t.ReplyCount).SingleAsync()));
    }

    [Fact]
    public async Task The_same_reply_form_submitted_twice_posts_once()
    {
        await CreateSpaceAsync();
        var thread = await AThreadByAliceAsync();
        await RunAsNewMemberAsync("Bruno");
        var command = Reply(thread);

        var first = await SendAsync(command);
        var second = await SendAsync(command);

        Assert.Equal(first.PostId, second.PostId);
        Assert.Equal(2, await QueryAsync(db => db.Posts.CountAsync()));
        Assert.Equal(1, await QueryAsync(db => db.Threads.Select(t => t.ReplyCount).SingleAsync()));
    }

    [Fact]
    public async Task The_same_reply_form_sent_twice_at_the_same_instant_posts_once_and_both_answers_point_at_it()
    {
        await CreateSpaceAsync();
        var thread = await AThreadByAliceAsync();
        await RunAsNewMemberAsync("Bruno");

        // Several rounds, so that at least one pair really overlaps: both find no earlier post, and the
        // second INSERT meets the first's unique submission id.
        for (var round = 1; round <= 5; round++)
        {
            var command = Reply(thread, $"Round {round}");
            var answers = await Task.WhenAll(SendAsync(command), SendAsync(command));
            Assert.Equal(answers[0].PostId, answers[1].PostId);
        }

        Assert.Equal(6, await QueryAsync(db => db.Posts.CountAsync()));
        Assert.Equal(5, await QueryAsync(db => db.Threads.Select(t => t.ReplyCount).SingleAsync()));
    }

    [Fact]
    public async Task Concurrent_replies_are_all_counted()
    {
        await CreateSpaceAsync();
        var thread = await AThreadByAliceAsync();

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => SendAsync(Reply(thread, $"Reply {i}"))));

        Assert.Equal(12, await QueryAsync(db => db.Threads.Select(t => t.ReplyCount).SingleAsync()));
        Assert.Equal(13, await QueryAsync(db => db.Posts.CountAsync()));
    }
}
