using CommunityHub.Domain.Threads;
using CommunityHub.Domain.Common;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Moderation;
using CommunityHub.Application.Threads;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Moderation;

public sealed class PostModerationTests(CommunityFixture fixture) : ModerationTest(fixture)
{
    [Fact]
    public async Task Moderator_can_hide_a_reply_members_see_a_placeholder_and_the_author_sees_why()
    {
        var c = await AConversationAsync();
        var morgan = await RunAsNewAsync("Morgan", Roles.Moderator);

        await SendAsync(new HidePost.Command { PostId = c.ReplyId, Reason = "Personal attack" });

        var forModerator = (await ReadThreadAsync(c.Thread)).Replies.Single();
        RunAs(c.AliceId);
        var forMember = (await ReadThreadAsync(c.Thread)).Replies.Single();
        RunAs(c.BrunoId);
        var forAuthor = (await ReadThreadAsync(c.Thread)).Replies.Single();
        RunAsAnonymous();
        var forVisitor = (await ReadThreadAsync(c.Thread)).Replies.Single();

        Assert.True(!forMember.Can.ReadBody && !forVisitor.Can.ReadBody);
        Assert.Equal(string.Empty, forMember.BodyHtml);
        Assert.Null(forMember.HiddenReason);
        Assert.Equal(("Personal attack", true), (forAuthor.HiddenReason, forAuthor.Can.ReadBody));
        Assert.Contains("Export menu", forAuthor.BodyHtml, StringComparison.Ordinal);
        Assert.Equal(("Personal attack", true), (forModerator.HiddenReason, forModerator.Can.ReadBody));
        var published = Assert.Single(Fixture.Published.All.OfType<PostModerated>());
        Assert.Equal((morgan, c.ReplyId, c.Thread.ThreadId, c.BrunoId, ModerationAction.HidePost, "Personal attack"),
            (published.ModeratorId, published.PostId, published.ThreadId, published.AuthorId, published.Action, published.Reason));
        var entry = Assert.Single(await AuditLogAsync());
        Assert.Equal((ModerationAction.HidePost, c.ReplyId, (Guid?)c.BrunoId), (entry.Action, entry.PostId!.Value, entry.MemberId));
    }

    [Fact]
    public async Task Moderator_can_restore_a_hidden_reply()
    {
        var c = await AConversationAsync();
        await RunAsNewAsync("Morgan", Roles.Moderator);
        await SendAsync(new HidePost.Command { PostId = c.ReplyId, Reason = "Spam?" });

        await SendAsync(new RestorePost.Command(c.ReplyId));

        RunAs(c.AliceId);
        Assert.False((await ReadThreadAsync(c.Thread)).Replies.Single().IsHidden);
        Assert.Equal([ModerationAction.HidePost, ModerationAction.RestorePost], (await AuditLogAsync()).Select(e => e.Action));
    }

    [Theory]
    [InlineData(Roles.Member)]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.Executive)]
    public async Task Only_moderators_hide_or_restore_a_reply(string role)
    {
        var c = await AConversationAsync();
        await RunAsNewAsync("Someone", role);

        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new HidePost.Command { PostId = c.ReplyId, Reason = "I disagree" }));
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new RestorePost.Command(c.ReplyId)));
        Assert.Null(await QueryAsync(db => db.Posts.Where(p => p.Id == c.ReplyId).Select(p => p.HiddenAt).SingleAsync()));
    }

    [Fact]
    public async Task Hiding_needs_a_reason_and_an_opening_post_cannot_be_hidden()
    {
        var c = await AConversationAsync();
        await RunAsNewAsync("Morgan", Roles.Moderator);

        var noReason = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(new HidePost.Command { PostId = c.ReplyId, Reason = " " }));
        await Assert.ThrowsAsync<DomainException>(() => SendAsync(new HidePost.Command { PostId = c.OpeningId, Reason = "Off topic" }));

        Assert.Equal(nameof(HidePost.Command.Reason), noReason.Errors.Single().PropertyName);
        Assert.Empty(await AuditLogAsync());
    }

    [Theory]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.Executive)]
    [InlineData(Roles.Moderator)]
    [InlineData(Roles.Admin)]
    public async Task The_company_and_moderators_can_write_a_staff_note_that_members_never_see(string role)
    {
        var c = await AConversationAsync();
        var sam = await RunAsNewAsync("Sam", role);

        var note = await SendAsync(Reply(c.Thread, "Known bug, fix ships Tuesday.", staffNote: true));

        var forStaff = await ReadThreadAsync(c.Thread);
        RunAs(c.AliceId);
        var forMember = await ReadThreadAsync(c.Thread);
        RunAsAnonymous();
        var forVisitor = await ReadThreadAsync(c.Thread);
        Assert.Contains(forStaff.Replies, r => r.Id == note.PostId && r.IsStaffNote);
        Assert.DoesNotContain(forMember.Replies, r => r.Id == note.PostId);
        Assert.DoesNotContain(forVisitor.Replies, r => r.Id == note.PostId);
        var thread = await QueryAsync(db => db.Threads.SingleAsync(t => t.Id == c.Thread.ThreadId));
        Assert.Equal((1, c.BrunoId), (thread.ReplyCount, thread.LastPosterId));
        Assert.True(Assert.Single(Fixture.Published.All.OfType<ReplyPosted>(), e => e.AuthorId == sam).IsStaffNote);
    }

    [Fact]
    public async Task Member_cannot_write_a_staff_note_even_with_a_forged_flag()
    {
        var c = await AConversationAsync();
        RunAs(c.AliceId);

        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(Reply(c.Thread, "Psst", staffNote: true)));

        Assert.Equal(2, await QueryAsync(db => db.Posts.CountAsync()));
    }

    [Fact]
    public async Task Member_cannot_reply_to_a_staff_note_or_find_it_by_id()
    {
        var c = await AConversationAsync();
        await RunAsNewAsync("Sam", Roles.Staff);
        var note = await SendAsync(Reply(c.Thread, "Internal", staffNote: true));
        RunAs(c.AliceId);

        var command = Reply(c.Thread, "What note?");
        command.InReplyToPostId = note.PostId;
        await Assert.ThrowsAsync<ValidationException>(() => SendAsync(command));
        Assert.Null((await SendAsync(new GetThread.Query(c.Thread.ThreadId, ReplyTo: note.PostId))).ReplyingTo);
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new GetPostHistory.Query(note.PostId)));
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new FlagPost.Command { PostId = note.PostId, Reason = "Curious" }));
    }

    [Theory]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.Executive)]
    [InlineData(Roles.Admin)]
    public async Task The_company_can_mark_someone_elses_reply_as_the_official_answer(string role)
    {
        var c = await AConversationAsync();
        var sam = await RunAsNewAsync("Sam", role);

        await SendAsync(new MarkOfficialAnswer.Command { PostId = c.ReplyId });

        RunAs(c.AliceId);
        var page = await ReadThreadAsync(c.Thread);
        Assert.Equal(new GetThread.OfficialAnswer(c.ReplyId, "Bruno"), page.Official);
        Assert.True(page.Replies.Single().IsOfficialAnswer);
        var marked = Assert.Single(Fixture.Published.All.OfType<OfficialAnswerMarked>());
        Assert.Equal((c.ReplyId, c.BrunoId, sam), (marked.PostId, marked.AuthorId, marked.MarkedById));
    }

    [Theory]
    [InlineData(Roles.Member)]
    [InlineData(Roles.Moderator)]
    public async Task Members_and_moderators_cannot_mark_an_official_answer(string role)
    {
        var c = await AConversationAsync();
        await RunAsNewAsync("Someone", role);

        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new MarkOfficialAnswer.Command { PostId = c.ReplyId }));

        Assert.Null(await QueryAsync(db => db.Threads.Select(t => t.OfficialAnswerPostId).SingleAsync()));
    }

    [Fact]
    public async Task A_staff_note_the_opening_post_or_a_hidden_reply_cannot_be_the_official_answer_and_hiding_clears_it()
    {
        var c = await AConversationAsync();
        await RunAsNewAsync("Sam", Roles.Staff);
        var note = await SendAsync(Reply(c.Thread, "Internal", staffNote: true));

        await Assert.ThrowsAsync<DomainException>(() => SendAsync(new MarkOfficialAnswer.Command { PostId = note.PostId }));
        await Assert.ThrowsAsync<DomainException>(() => SendAsync(new MarkOfficialAnswer.Command { PostId = c.OpeningId }));
        await SendAsync(new MarkOfficialAnswer.Command { PostId = c.ReplyId });
        await RunAsNewAsync("Morgan", Roles.Moderator);
        await SendAsync(new HidePost.Command { PostId = c.ReplyId, Reason = "Wrong and dangerous advice" });

        Assert.Null(await QueryAsync(db => db.Threads.Select(t => t.OfficialAnswerPostId).SingleAsync()));
    }
}
