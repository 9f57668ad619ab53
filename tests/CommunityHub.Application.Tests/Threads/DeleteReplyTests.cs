using CommunityHub.Domain.Threads;
using CommunityHub.Domain.Common;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Reciprocity;
using CommunityHub.Application.Threads;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Threads;

public sealed class DeleteReplyTests(CommunityFixture fixture) : ConversationTest(fixture)
{
    [Fact]
    public async Task Author_can_delete_their_reply_and_the_thread_shows_it_removed_keeping_its_place()
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Alice");
        var thread = await StartThreadAsync();
        var bruno = await RunAsNewMemberAsync("Bruno");
        var reply = await ReplyAsync(thread, "Secret words I regret");
        await RunAsNewMemberAsync("Chloe");
        var answer = await ReplyAsync(thread, "Answering Bruno", inReplyTo: reply);
        RunAs(bruno);

        await SendAsync(new DeleteReply.Command(thread, reply));
        await SendAsync(new DeleteReply.Command(thread, reply)); // twice changes nothing

        var page = await SendAsync(new GetThread.Query(thread));
        var removed = page.Replies.Single(r => r.Id == reply);
        Assert.True(removed.IsDeleted);
        Assert.Equal(string.Empty, removed.BodyHtml);
        Assert.Equal("Bruno", page.Replies.Single(r => r.Id == answer).InReplyToAuthorName);
        Assert.NotNull(await QueryAsync(db => db.Posts.Where(p => p.Id == reply).Select(p => p.DeletedAt).SingleAsync()));
    }

    [Fact]
    public async Task Deleting_the_accepted_answer_leaves_the_thread_unsolved()
    {
        await CreateSpaceAsync();
        var alice = await RunAsNewMemberAsync("Alice");
        var thread = await StartThreadAsync();
        var bruno = await RunAsNewMemberAsync("Bruno");
        var reply = await ReplyAsync(thread, "Try the export view.");
        RunAs(alice);
        await SendAsync(new AcceptAnswer.Command { ThreadId = thread, PostId = reply });
        RunAs(bruno);

        await SendAsync(new DeleteReply.Command(thread, reply));

        var page = await SendAsync(new GetThread.Query(thread));
        Assert.Null(page.AcceptedAnswer);
        Assert.Null(await QueryAsync(db => db.Threads.Where(t => t.Id == thread).Select(t => t.AcceptedAnswerPostId).SingleAsync()));
    }

    [Fact]
    public async Task Member_cannot_delete_someone_elses_reply()
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Alice");
        var thread = await StartThreadAsync();
        await RunAsNewMemberAsync("Bruno");
        var reply = await ReplyAsync(thread);
        await RunAsNewMemberAsync("Chloe");

        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new DeleteReply.Command(thread, reply)));
        RunAsAnonymous();
        await Assert.ThrowsAsync<NotSignedInException>(() => SendAsync(new DeleteReply.Command(thread, reply)));
        Assert.Null(await QueryAsync(db => db.Posts.Where(p => p.Id == reply).Select(p => p.DeletedAt).SingleAsync()));
    }

    [Fact]
    public async Task An_opening_post_cannot_be_deleted_this_way_and_the_refusal_says_why()
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Alice");
        var thread = await StartThreadAsync();
        var opening = await QueryAsync(db => db.Posts.Where(p => p.ThreadId == thread && p.IsOpeningPost).Select(p => p.Id).SingleAsync());

        var refused = await Assert.ThrowsAsync<DomainException>(() => SendAsync(new DeleteReply.Command(thread, opening)));

        Assert.Equal(ConversationPolicy.OpeningPostCannotBeDeleted, refused.Message);
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new DeleteReply.Command(thread + 1, opening)));
    }
}
