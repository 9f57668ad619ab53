using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Threads;

namespace CommunityHub.Application.Tests.Threads;

public sealed class GetThreadTests(CommunityFixture fixture) : ApplicationTest(fixture)
{
    private async Task<(StartThread.Result Thread, List<long> Replies)> AThreadWithRepliesAsync(int replies)
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Alice");
        var thread = await SendAsync(new StartThread.Command { SpaceSlug = "questions", Title = "Long one", Body = "Opening", SubmissionId = Guid.NewGuid() });
        await RunAsNewMemberAsync("Bruno");
        var ids = new List<long>();
        for (var i = 1; i <= replies; i++)
        {
            Fixture.Clock.Advance(TimeSpan.FromMinutes(1));
            var posted = await SendAsync(new ReplyToThread.Command
            {
                SpaceSlug = "questions", ThreadId = thread.ThreadId, Body = $"Reply {i}", SubmissionId = Guid.NewGuid(),
                InReplyToPostId = i == 2 ? ids[0] : null,
            });
            ids.Add(posted.PostId);
        }

        return (thread, ids);
    }

    [Fact]
    public async Task The_thread_shows_its_opening_post_and_the_first_page_of_replies_in_order()
    {
        var (thread, replies) = await AThreadWithRepliesAsync(45);

        var page = await SendAsync(new GetThread.Query(thread.ThreadId));

        Assert.Equal("Long one", page.Title);
        Assert.Equal("Questions", page.SpaceName);
        Assert.Equal(45, page.ReplyCount);
        Assert.Equal("Alice", page.OpeningPost.AuthorName);
        Assert.Equal(replies.Take(20), page.Replies.Select(r => r.Id));
        Assert.All(page.Replies, r => Assert.Equal("Bruno", r.AuthorName));
        Assert.Equal("Bruno", page.Replies[1].InReplyToAuthorName);
        Assert.Null(page.PreviousBefore);
        Assert.Equal(replies[19], page.NextAfter);
    }

    [Fact]
    public async Task Paging_forwards_and_backwards_visits_every_reply_once()
    {
        var (thread, replies) = await AThreadWithRepliesAsync(45);

        var second = await SendAsync(new GetThread.Query(thread.ThreadId, After: replies[19]));
        var third = await SendAsync(new GetThread.Query(thread.ThreadId, After: second.NextAfter));
        var backToSecond = await SendAsync(new GetThread.Query(thread.ThreadId, Before: third.PreviousBefore));

        Assert.Equal(replies.Skip(20).Take(20), second.Replies.Select(r => r.Id));
        Assert.Equal(replies.Skip(40), third.Replies.Select(r => r.Id));
        Assert.Null(third.NextAfter);
        Assert.Equal(replies[40], third.PreviousBefore);
        Assert.Equal(second.Replies.Select(r => r.Id), backToSecond.Replies.Select(r => r.Id));
        Assert.Equal(replies[20], backToSecond.PreviousBefore);
    }

    [Fact]
    public async Task The_last_page_ending_at_a_new_reply_shows_no_later_link()
    {
        var (thread, replies) = await AThreadWithRepliesAsync(25);

        var last = await SendAsync(new GetThread.Query(thread.ThreadId, Before: replies[^1] + 1));

        Assert.Equal(replies.Skip(5), last.Replies.Select(r => r.Id));
        Assert.Null(last.NextAfter);
        Assert.Equal(replies[5], last.PreviousBefore);
    }

    [Fact]
    public async Task The_post_being_answered_is_found_even_when_it_is_not_on_the_page()
    {
        var (thread, replies) = await AThreadWithRepliesAsync(25);

        var page = await SendAsync(new GetThread.Query(thread.ThreadId, ReplyTo: replies[^1]));

        Assert.Equal(replies[^1], page.ReplyingTo?.Id);
        Assert.Equal("Reply 25", page.ReplyingTo?.BodyHtml.Trim()[3..^4]);
    }

    [Fact]
    public async Task An_unknown_thread_is_not_found() =>
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new GetThread.Query(424242)));
}
