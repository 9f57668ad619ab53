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

public sealed class EditPostTests(CommunityFixture fixture) : ModerationTest(fixture)
{
    private async Task<EditPost.Command> EditOfAsync(long postId, string body) =>
        new() { PostId = postId, Body = body, Version = (await SendAsync(new GetPostForEditing.Query(postId))).Version };

    [Fact]
    public async Task Author_can_edit_their_own_post_and_the_earlier_version_is_kept()
    {
        var c = await AConversationAsync();
        Fixture.Clock.Advance(TimeSpan.FromMinutes(5));

        await SendAsync(await EditOfAsync(c.ReplyId, "Under **Export view**, not Export all."));

        var reply = (await ReadThreadAsync(c.Thread)).Replies.Single();
        Assert.Contains("<strong>Export view</strong>", reply.BodyHtml, StringComparison.Ordinal);
        Assert.Equal(Fixture.Clock.GetUtcNow(), reply.EditedAt);
        var history = await SendAsync(new GetPostHistory.Query(c.ReplyId));
        var earlier = Assert.Single(history.Earlier);
        Assert.Contains("Under the Export menu.", earlier.BodyHtml, StringComparison.Ordinal);
        Assert.Equal(("Bruno", Fixture.Clock.GetUtcNow()), (earlier.ReplacedByName, earlier.ReplacedAt));
        var edited = Assert.Single(Fixture.Published.All.OfType<PostEdited>());
        Assert.Equal((c.ReplyId, c.BrunoId, c.BrunoId), (edited.PostId, edited.AuthorId, edited.EditorId));
        Assert.Empty(Fixture.Published.All.OfType<PostModerated>());
        Assert.Empty(await AuditLogAsync());
    }

    [Theory]
    [InlineData(Roles.Member)]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.Executive)]
    public async Task Member_cannot_edit_someone_elses_post(string role)
    {
        var c = await AConversationAsync();
        var version = await QueryAsync(db => db.Posts.Where(p => p.Id == c.ReplyId).Select(p => p.Version).SingleAsync());
        await RunAsNewAsync("Chloe", role);

        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new GetPostForEditing.Query(c.ReplyId)));
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new EditPost.Command { PostId = c.ReplyId, Body = "Vandalised", Version = version }));

        Assert.Equal("Under the Export menu.", await QueryAsync(db => db.Posts.Where(p => p.Id == c.ReplyId).Select(p => p.Body).SingleAsync()));
        Assert.Equal(0, await QueryAsync(db => db.PostRevisions.CountAsync()));
    }

    [Theory]
    [InlineData(Roles.Moderator)]
    [InlineData(Roles.Admin)]
    public async Task Moderator_can_edit_anyones_post_and_the_edit_is_logged(string role)
    {
        var c = await AConversationAsync();
        var morgan = await RunAsNewAsync("Morgan", role);

        await SendAsync(await EditOfAsync(c.ReplyId, "Under the Export menu. [phone number removed by a moderator]"));

        var history = await SendAsync(new GetPostHistory.Query(c.ReplyId));
        Assert.Equal("Morgan", Assert.Single(history.Earlier).ReplacedByName);
        var entry = Assert.Single(await AuditLogAsync());
        Assert.Equal((ModerationAction.EditPost, morgan, c.ReplyId), (entry.Action, entry.ModeratorId, entry.PostId!.Value));
        Assert.Single(Fixture.Published.All.OfType<PostModerated>(), e => e.Action == ModerationAction.EditPost && e.AuthorId == c.BrunoId);
    }

    [Fact]
    public async Task A_second_edit_from_the_same_version_is_refused_with_a_clear_message_instead_of_overwriting()
    {
        var c = await AConversationAsync();
        var first = await EditOfAsync(c.ReplyId, "Bruno's correction");
        var morgan = await RunAsNewAsync("Morgan", Roles.Moderator);
        var second = await EditOfAsync(c.ReplyId, "Morgan's tidy-up");

        RunAs(c.BrunoId);
        await SendAsync(first);
        RunAs(morgan, Roles.Moderator);
        var refused = await Assert.ThrowsAsync<DomainException>(() => SendAsync(second));

        Assert.Equal(EditPost.ConflictMessage, refused.Message);
        Assert.Equal("Bruno's correction", await QueryAsync(db => db.Posts.Where(p => p.Id == c.ReplyId).Select(p => p.Body).SingleAsync()));
        Assert.Equal(1, await QueryAsync(db => db.PostRevisions.CountAsync()));
    }

    [Fact]
    public async Task Two_edits_racing_from_the_same_version_leave_exactly_one_winner()
    {
        var c = await AConversationAsync();
        var version = (await SendAsync(new GetPostForEditing.Query(c.ReplyId))).Version;
        await RunAsNewAsync("Morgan", Roles.Moderator);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
        {
            try
            {
                await SendAsync(new EditPost.Command { PostId = c.ReplyId, Body = $"Edit {i}", Version = version });
                return true;
            }
            catch (DomainException refused) when (refused.Message == EditPost.ConflictMessage)
            {
                return false;
            }
        }));

        Assert.Equal(1, outcomes.Count(won => won));
        Assert.Equal(1, await QueryAsync(db => db.PostRevisions.CountAsync()));
    }

    [Fact]
    public async Task Author_cannot_edit_a_hidden_post_or_in_a_locked_thread_but_a_moderator_can()
    {
        var c = await AConversationAsync();
        var morgan = await RunAsNewAsync("Morgan", Roles.Moderator);
        await SendAsync(new HidePost.Command { PostId = c.ReplyId, Reason = "Contains a customer's e-mail address" });
        await SendAsync(new ModerateThread.Command { ThreadId = c.Thread.ThreadId, Change = ModerateThread.Change.Lock });

        RunAs(c.BrunoId);
        var hidden = await Assert.ThrowsAsync<DomainException>(async () => await SendAsync(await EditOfAsync(c.ReplyId, "My defence")));
        RunAs(c.AliceId);
        var locked = await Assert.ThrowsAsync<DomainException>(async () => await SendAsync(await EditOfAsync(c.OpeningId, "Last word")));
        RunAs(morgan, Roles.Moderator);
        await SendAsync(await EditOfAsync(c.ReplyId, "Under the Export menu. [address removed]"));

        Assert.Contains("hid", hidden.Message, StringComparison.Ordinal);
        Assert.Contains("locked", locked.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_must_say_something()
    {
        var c = await AConversationAsync();

        var refused = await Assert.ThrowsAsync<ValidationException>(async () => await SendAsync(await EditOfAsync(c.ReplyId, "  ")));

        Assert.Equal(nameof(EditPost.Command.Body), refused.Errors.Single().PropertyName);
    }

    [Fact]
    public async Task A_hidden_posts_history_is_for_its_author_and_moderators_only()
    {
        var c = await AConversationAsync();
        await SendAsync(await EditOfAsync(c.ReplyId, "Second thoughts"));
        await RunAsNewAsync("Morgan", Roles.Moderator);
        await SendAsync(new HidePost.Command { PostId = c.ReplyId, Reason = "Off topic" });

        var forModerator = await SendAsync(new GetPostHistory.Query(c.ReplyId));
        RunAs(c.BrunoId);
        var forAuthor = await SendAsync(new GetPostHistory.Query(c.ReplyId));
        RunAs(c.AliceId);

        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new GetPostHistory.Query(c.ReplyId)));
        Assert.Single(forModerator.Earlier);
        Assert.Single(forAuthor.Earlier);
    }
}
