using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Groups;
using CommunityHub.Application.Moderation;
using CommunityHub.Application.Tests.Moderation;
using CommunityHub.Application.Threads;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;
using CommunityHub.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Threads;

/// <summary>Changing a thread's title against PostgreSQL: the starter, a Leader (by their computed trust level) and
/// moderators; a plain member, an outsider of a private space and a locked thread are refused, nothing written.</summary>
public sealed class RetitleThreadTests(CommunityFixture fixture) : ModerationTest(fixture)
{
    private Task<string> TitleAsync(long threadId) => QueryAsync(db => db.Threads.Where(t => t.Id == threadId).Select(t => t.Title).SingleAsync());

    [Fact]
    public async Task The_starter_retitles_their_thread_and_the_page_offers_it_to_them_only()
    {
        var c = await AConversationAsync();
        Assert.False((await ReadThreadAsync(c.Thread)).CanRetitle);

        RunAs(c.AliceId);
        Assert.True((await ReadThreadAsync(c.Thread)).CanRetitle);
        await SendAsync(new RetitleThread.Command { ThreadId = c.Thread.ThreadId, Title = "Export to CSV from the reports page" });

        Assert.Equal("Export to CSV from the reports page", await TitleAsync(c.Thread.ThreadId));
        Assert.Empty(await AuditLogAsync());
    }

    [Fact]
    public async Task A_leader_retitles_and_tags_someone_elses_thread_the_log_says_so_and_the_starter_hears_of_it()
    {
        var c = await AConversationAsync();
        var leader = await RunAsNewAsync("Leah");
        Assert.False((await ReadThreadAsync(c.Thread)).CanRetitle);
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new RetitleThread.Command { ThreadId = c.Thread.ThreadId, Title = "Better" }));
        await RunAsNewAsync("Mona", Roles.Moderator);
        await SendAsync(new LockTrustLevel.Command { MemberId = leader, Level = TrustLevel.Leader });

        RunAs(leader);
        var page = await ReadThreadAsync(c.Thread);
        Assert.True(page.CanRetitle && page.CanTag);
        await SendAsync(new RetitleThread.Command { ThreadId = c.Thread.ThreadId, Title = "Where is CSV export in Reports?" });

        Assert.Equal("Where is CSV export in Reports?", await TitleAsync(c.Thread.ThreadId));
        var logged = (await AuditLogAsync()).Last();
        Assert.Equal((ModerationAction.RetitleThread, leader, c.Thread.ThreadId, "was \u201cHow do I export?\u201d"), (logged.Action, logged.ModeratorId, logged.ThreadId!.Value, logged.Detail));
        Assert.True(await QueryAsync(db => db.Notifications.AnyAsync(n => n.RecipientId == c.AliceId && n.ThreadId == c.Thread.ThreadId && n.ActorId == leader)));
    }

    [Fact]
    public async Task A_forged_retitle_by_a_plain_member_is_refused_and_nothing_changes()
    {
        var c = await AConversationAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new RetitleThread.Command { ThreadId = c.Thread.ThreadId, Title = "Buy cheap watches" }));

        Assert.Equal("How do I export?", await TitleAsync(c.Thread.ThreadId));
        Assert.Empty(await AuditLogAsync());
    }

    [Fact]
    public async Task A_locked_thread_keeps_its_title_for_its_starter_but_a_moderator_may_still_change_it()
    {
        var c = await AConversationAsync();
        await RunAsNewAsync("Mona", Roles.Moderator);
        await SendAsync(new ModerateThread.Command { ThreadId = c.Thread.ThreadId, Change = ModerateThread.Change.Lock });

        RunAs(c.AliceId);
        Assert.False((await ReadThreadAsync(c.Thread)).CanRetitle);
        var refused = await Assert.ThrowsAsync<DomainException>(() => SendAsync(new RetitleThread.Command { ThreadId = c.Thread.ThreadId, Title = "Better" }));
        Assert.Contains("locked", refused.Message, StringComparison.Ordinal);
        Assert.Equal("How do I export?", await TitleAsync(c.Thread.ThreadId));

        await RunAsNewAsync("Morgan", Roles.Moderator);
        await SendAsync(new RetitleThread.Command { ThreadId = c.Thread.ThreadId, Title = "Better" });
        Assert.Equal("Better", await TitleAsync(c.Thread.ThreadId));
    }

    [Fact]
    public async Task A_thread_in_a_private_space_is_not_found_for_an_outsider_even_a_leader()
    {
        await CreateSpaceAsync();
        var beta = await CreateSpaceAsync("beta", "Beta", 2);
        await RunAsNewAsync("Ada", Roles.Admin);
        var group = await SendAsync(new CreateGroup.Command { Name = "Beta programme", Description = "Testers." });
        await SendAsync(new RestrictSpace.Command { SpaceId = beta.Id, GroupIds = [group] });
        var thread = await SendAsync(new StartThread.Command { SpaceSlug = "beta", Title = "Quokka build", Body = "Secret.", SubmissionId = Guid.NewGuid() });
        var outsider = await RunAsNewAsync("Leah");
        await RunAsNewAsync("Mona", Roles.Moderator);
        await SendAsync(new LockTrustLevel.Command { MemberId = outsider, Level = TrustLevel.Leader });

        RunAs(outsider);
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new RetitleThread.Command { ThreadId = thread.ThreadId, Title = "Leaked" }));

        Assert.Equal("Quokka build", await TitleAsync(thread.ThreadId));
    }
}
