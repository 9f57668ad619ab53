using CommunityHub.Domain.Common;
using System.Globalization;
using CommunityHub.Application.Moderation;
using CommunityHub.Application.Threads;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Moderation;

public sealed class SanctionTests(CommunityFixture fixture) : ModerationTest(fixture)
{
    private static SanctionMember.Command Suspend(Guid member, DateOnly until, string reason = "Repeated spam") =>
        new() { MemberId = member, Sanction = SanctionMember.Sanction.Suspend, Until = until, Reason = reason };

    // Dates from the shared clock, which other test classes move on: a fixed date would pass into the past.
    private DateOnly Today => DateOnly.FromDateTime(Fixture.Clock.GetUtcNow().UtcDateTime);

    private DateOnly NextWeek => Today.AddDays(8);

    [Fact]
    public async Task A_suspended_member_can_read_but_not_post_until_the_suspension_ends()
    {
        var c = await AConversationAsync();
        var morgan = await RunAsNewAsync("Morgan", Roles.Moderator);
        var until = Today.AddDays(2);
        var untilText = $"until {until.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}, 00:00 UTC";
        await SendAsync(Suspend(c.BrunoId, until));

        RunAs(c.BrunoId);
        var reading = await ReadThreadAsync(c.Thread);
        var reply = await Assert.ThrowsAsync<DomainException>(() => SendAsync(Reply(c.Thread)));
        var start = await Assert.ThrowsAsync<DomainException>(() =>
            SendAsync(new StartThread.Command { SpaceSlug = "questions", Title = "New", Body = "Body", SubmissionId = Guid.NewGuid() }));
        Fixture.Clock.Advance(TimeSpan.FromDays(2));
        await SendAsync(Reply(c.Thread, "Back again."));

        Assert.Equal("How do I export?", reading.Title);
        Assert.Contains(untilText, reply.Message, StringComparison.Ordinal);
        Assert.Contains("Repeated spam", start.Message, StringComparison.Ordinal);
        var entry = Assert.Single(await AuditLogAsync());
        Assert.Equal((ModerationAction.SuspendMember, morgan, (Guid?)c.BrunoId, untilText), (entry.Action, entry.ModeratorId, entry.MemberId, entry.Detail));
    }

    [Fact]
    public async Task A_banned_member_cannot_post_until_reinstated()
    {
        var c = await AConversationAsync();
        await RunAsNewAsync("Morgan", Roles.Moderator);
        await SendAsync(new SanctionMember.Command { MemberId = c.BrunoId, Sanction = SanctionMember.Sanction.Ban, Reason = "Spam account" });

        RunAs(c.BrunoId);
        var refused = await Assert.ThrowsAsync<DomainException>(() => SendAsync(Reply(c.Thread)));
        RunAs(await QueryAsync(db => db.Members.Where(m => m.DisplayName == "Morgan").Select(m => m.Id).SingleAsync()), Roles.Moderator);
        await SendAsync(new SanctionMember.Command { MemberId = c.BrunoId, Sanction = SanctionMember.Sanction.Reinstate });
        RunAs(c.BrunoId);
        await SendAsync(Reply(c.Thread, "Thanks."));

        Assert.StartsWith("Your account is banned from posting. Reason: Spam account.", refused.Message, StringComparison.Ordinal);
        Assert.Equal([ModerationAction.BanMember, ModerationAction.ReinstateMember], (await AuditLogAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task A_moderator_cannot_suspend_an_admin_but_an_admin_can_suspend_a_moderator()
    {
        await CreateSpaceAsync();
        var ada = await RunAsNewAsync("Ada", Roles.Admin);
        var morgan = await RunAsNewAsync("Morgan", Roles.Moderator);

        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(Suspend(ada, NextWeek)));
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new SanctionMember.Command { MemberId = ada, Sanction = SanctionMember.Sanction.Ban, Reason = "Coup" }));
        RunAs(ada, Roles.Admin);
        await SendAsync(Suspend(morgan, NextWeek, "Abused the tools"));

        Assert.True(await QueryAsync(db => db.Members.Where(m => m.Id == ada).Select(m => m.SuspendedUntil == null && !m.IsBanned).SingleAsync()));
        Assert.NotNull(await QueryAsync(db => db.Members.Where(m => m.Id == morgan).Select(m => m.SuspendedUntil).SingleAsync()));
    }

    [Fact]
    public async Task Nobody_suspends_themselves()
    {
        await CreateSpaceAsync();
        var ada = await RunAsNewAsync("Ada", Roles.Admin);

        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(Suspend(ada, NextWeek)));
    }

    [Theory]
    [InlineData(Roles.Member)]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.Executive)]
    public async Task Only_moderators_suspend_ban_warn_or_reinstate(string role)
    {
        var c = await AConversationAsync();
        await RunAsNewAsync("Someone", role);

        foreach (var sanction in Enum.GetValues<SanctionMember.Sanction>())
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new SanctionMember.Command
            {
                MemberId = c.BrunoId, Sanction = sanction, Until = NextWeek, Reason = "x",
            }));
        }

        Assert.Empty(await AuditLogAsync());
    }

    [Fact]
    public async Task A_suspension_ends_after_today_and_needs_a_reason()
    {
        var c = await AConversationAsync();
        await RunAsNewAsync("Morgan", Roles.Moderator);

        var today = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(Suspend(c.BrunoId, Today)));
        var noReason = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(Suspend(c.BrunoId, NextWeek, "")));

        Assert.Equal(nameof(SanctionMember.Command.Until), today.Errors.Single().PropertyName);
        Assert.Equal(nameof(SanctionMember.Command.Reason), noReason.Errors.Single().PropertyName);
    }

    [Fact]
    public async Task The_audit_log_filters_by_moderator_and_by_action_and_is_only_for_moderators()
    {
        var c = await AConversationAsync();
        var morgan = await RunAsNewAsync("Morgan", Roles.Moderator);
        await SendAsync(new ModerateThread.Command { ThreadId = c.Thread.ThreadId, Change = ModerateThread.Change.Lock });
        await SendAsync(new HidePost.Command { PostId = c.ReplyId, Reason = "Spam" });
        var ada = await RunAsNewAsync("Ada", Roles.Admin);
        await SendAsync(new ModerateThread.Command { ThreadId = c.Thread.ThreadId, Change = ModerateThread.Change.Unlock });

        var all = await SendAsync(new GetAuditLog.Query());
        var byMorgan = await SendAsync(new GetAuditLog.Query(ModeratorId: morgan));
        var hides = await SendAsync(new GetAuditLog.Query(Action: ModerationAction.HidePost));
        var adaLocks = await SendAsync(new GetAuditLog.Query(ada, ModerationAction.LockThread));

        Assert.Equal([ModerationAction.UnlockThread, ModerationAction.HidePost, ModerationAction.LockThread], all.Entries.Select(e => e.Action));
        Assert.Equal(["Ada", "Morgan"], all.Moderators.Select(m => m.Name));
        Assert.Equal([ModerationAction.HidePost, ModerationAction.LockThread], byMorgan.Entries.Select(e => e.Action));
        var hide = Assert.Single(hides.Entries);
        Assert.Equal(("Morgan", "Bruno", "How do I export?", "questions", "Spam"), (hide.ModeratorName, hide.MemberName, hide.ThreadTitle, hide.SpaceSlug, hide.Reason));
        Assert.Empty(adaLocks.Entries);

        foreach (var role in new[] { Roles.Member, Roles.Staff, Roles.Executive })
        {
            RunAs(c.AliceId, role);
            await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new GetAuditLog.Query()));
        }
    }

    [Theory]
    [InlineData(Roles.Member)]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.Executive)]
    public async Task Only_moderators_look_members_up_or_read_someone_elses_standing(string role)
    {
        var c = await AConversationAsync();
        await RunAsNewAsync("Someone", role);

        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new FindMembers.Query("Bruno")));
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new GetMemberStanding.Query(c.BrunoId)));
        Assert.Equal("Someone", (await SendAsync(new GetMemberStanding.OwnQuery())).DisplayName);
    }

    [Fact]
    public async Task A_moderator_finds_members_by_name_or_e_mail_with_their_roles()
    {
        await AConversationAsync();
        await RunAsNewAsync("Morgan", Roles.Moderator);

        var byName = await SendAsync(new FindMembers.Query("bru"));
        var everyone = await SendAsync(new FindMembers.Query(null));
        var nobody = await SendAsync(new FindMembers.Query("100%_"));

        Assert.Equal("Bruno", Assert.Single(byName).DisplayName);
        Assert.Equal(["Alice", "Bruno", "Morgan"], everyone.Select(m => m.DisplayName));
        Assert.Equal([Roles.Member, Roles.Moderator], everyone[2].Roles);
        Assert.Empty(nobody);
    }
}
