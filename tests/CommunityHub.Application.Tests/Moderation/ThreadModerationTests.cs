using CommunityHub.Domain.Common;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Moderation;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Moderation;

public sealed class ThreadModerationTests(CommunityFixture fixture) : ModerationTest(fixture)
{
    [Theory]
    [InlineData(Roles.Moderator)]
    [InlineData(Roles.Admin)]
    public async Task Moderator_and_admin_can_pin_lock_and_close_a_thread_and_each_action_is_logged(string role)
    {
        var c = await AConversationAsync();
        var moderator = await RunAsNewAsync("Morgan", role);

        await SendAsync(new ModerateThread.Command { ThreadId = c.Thread.ThreadId, Change = ModerateThread.Change.Pin });
        await SendAsync(new ModerateThread.Command { ThreadId = c.Thread.ThreadId, Change = ModerateThread.Change.Lock, Reason = "Heated" });
        await SendAsync(new ModerateThread.Command { ThreadId = c.Thread.ThreadId, Change = ModerateThread.Change.Close });

        var thread = await QueryAsync(db => db.Threads.SingleAsync(t => t.Id == c.Thread.ThreadId));
        Assert.True(thread.IsPinned && thread.IsLocked && thread.IsClosed);
        var log = await AuditLogAsync();
        Assert.Equal([ModerationAction.PinThread, ModerationAction.LockThread, ModerationAction.CloseThread], log.Select(e => e.Action));
        Assert.All(log, e => Assert.Equal((moderator, c.Thread.ThreadId), (e.ModeratorId, e.ThreadId!.Value)));
        Assert.Equal("Heated", log[1].Reason);
        Assert.Equal(3, Fixture.Published.All.OfType<ThreadModerated>().Count());
    }

    [Theory]
    [InlineData(Roles.Member)]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.Executive)]
    public async Task Members_staff_and_executives_cannot_moderate_a_thread(string role)
    {
        var c = await AConversationAsync();
        await RunAsNewAsync("Someone", role);

        foreach (var change in Enum.GetValues<ModerateThread.Change>())
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new ModerateThread.Command { ThreadId = c.Thread.ThreadId, Change = change }));
        }

        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new MoveThread.Command { ThreadId = c.Thread.ThreadId, ToSpaceSlug = "questions" }));
        var thread = await QueryAsync(db => db.Threads.SingleAsync(t => t.Id == c.Thread.ThreadId));
        Assert.False(thread.IsPinned || thread.IsLocked || thread.IsClosed);
        Assert.Empty(await AuditLogAsync());
    }

    [Fact]
    public async Task An_anonymous_visitor_cannot_moderate_a_thread()
    {
        var c = await AConversationAsync();
        RunAsAnonymous();

        await Assert.ThrowsAsync<NotSignedInException>(() => SendAsync(new ModerateThread.Command { ThreadId = c.Thread.ThreadId, Change = ModerateThread.Change.Lock }));
    }

    [Fact]
    public async Task Locking_a_locked_thread_says_so_and_logs_nothing_more()
    {
        var c = await AConversationAsync();
        await RunAsNewAsync("Morgan", Roles.Moderator);
        await SendAsync(new ModerateThread.Command { ThreadId = c.Thread.ThreadId, Change = ModerateThread.Change.Lock });

        var refused = await Assert.ThrowsAsync<DomainException>(() => SendAsync(new ModerateThread.Command { ThreadId = c.Thread.ThreadId, Change = ModerateThread.Change.Lock }));

        Assert.Contains("locked already", refused.Message, StringComparison.Ordinal);
        Assert.Single(await AuditLogAsync());
    }

    [Fact]
    public async Task Member_cannot_reply_to_a_locked_thread_but_a_moderator_can()
    {
        var c = await AConversationAsync();
        var morgan = await RunAsNewAsync("Morgan", Roles.Moderator);
        await SendAsync(new ModerateThread.Command { ThreadId = c.Thread.ThreadId, Change = ModerateThread.Change.Lock });

        RunAs(c.BrunoId);
        var refused = await Assert.ThrowsAsync<DomainException>(() => SendAsync(Reply(c.Thread, "Let me add one thing")));
        RunAs(morgan, Roles.Moderator);
        await SendAsync(Reply(c.Thread, "Locked while we look into this."));

        Assert.Contains("locked", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, await QueryAsync(db => db.Threads.Where(t => t.Id == c.Thread.ThreadId).Select(t => t.ReplyCount).SingleAsync()));
        RunAs(c.BrunoId);
        Assert.False((await ReadThreadAsync(c.Thread)).Can.Reply);
    }

    [Fact]
    public async Task Nobody_replies_to_a_closed_thread_until_it_is_reopened_but_staff_notes_still_go_in()
    {
        var c = await AConversationAsync();
        var morgan = await RunAsNewAsync("Morgan", Roles.Moderator);
        await SendAsync(new ModerateThread.Command { ThreadId = c.Thread.ThreadId, Change = ModerateThread.Change.Close });

        var moderatorRefused = await Assert.ThrowsAsync<DomainException>(() => SendAsync(Reply(c.Thread)));
        await SendAsync(Reply(c.Thread, "Closed as a duplicate of the SSO thread.", staffNote: true));
        RunAs(c.AliceId);
        await Assert.ThrowsAsync<DomainException>(() => SendAsync(Reply(c.Thread)));
        RunAs(morgan, Roles.Moderator);
        await SendAsync(new ModerateThread.Command { ThreadId = c.Thread.ThreadId, Change = ModerateThread.Change.Reopen });
        RunAs(c.AliceId);
        await SendAsync(Reply(c.Thread, "Thanks for reopening."));

        Assert.Contains("closed", moderatorRefused.Message, StringComparison.Ordinal);
        Assert.Equal(2, await QueryAsync(db => db.Threads.Where(t => t.Id == c.Thread.ThreadId).Select(t => t.ReplyCount).SingleAsync()));
    }

    [Fact]
    public async Task Moderator_can_move_a_thread_and_both_spaces_counters_follow()
    {
        var c = await AConversationAsync();
        await CreateSpaceAsync("ideas", "Ideas", 2);
        var morgan = await RunAsNewAsync("Morgan", Roles.Moderator);

        var moved = await SendAsync(new MoveThread.Command { ThreadId = c.Thread.ThreadId, ToSpaceSlug = "ideas", Reason = "A feature request" });

        Assert.Equal("ideas", moved.SpaceSlug);
        var spaces = await QueryAsync(db => db.Spaces.OrderBy(s => s.Slug).Select(s => new { s.Slug, s.ThreadCount, s.LastActiveThreadId }).ToListAsync());
        Assert.Equal([("ideas", 1, (long?)c.Thread.ThreadId), ("questions", 0, null)], spaces.Select(s => (s.Slug, s.ThreadCount, s.LastActiveThreadId)));
        Assert.Equal("ideas", (await ReadThreadAsync(c.Thread)).SpaceSlug);
        var entry = Assert.Single(await AuditLogAsync());
        Assert.Equal((ModerationAction.MoveThread, morgan, "to Ideas", "A feature request"), (entry.Action, entry.ModeratorId, entry.Detail, entry.Reason));
    }

    [Fact]
    public async Task Moving_a_thread_to_its_own_space_or_nowhere_is_refused()
    {
        var c = await AConversationAsync();
        await RunAsNewAsync("Morgan", Roles.Moderator);

        await Assert.ThrowsAsync<ValidationException>(() => SendAsync(new MoveThread.Command { ThreadId = c.Thread.ThreadId, ToSpaceSlug = "questions" }));
        await Assert.ThrowsAsync<ValidationException>(() => SendAsync(new MoveThread.Command { ThreadId = c.Thread.ThreadId, ToSpaceSlug = "nowhere" }));
        Assert.Empty(await AuditLogAsync());
    }
}
