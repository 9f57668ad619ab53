using CommunityHub.Application.Administration;
using CommunityHub.Application.ApiTokens;
using CommunityHub.Application.Lists;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.ApiTokens;

/// <summary>The bot member a service token acts as, on PostgreSQL: it posts as a Bot whatever roles it is given, it does
/// not count as the company taking part, and it is told in the app but never mailed (its address is at .invalid).</summary>
public sealed class ServiceBotTests(CommunityFixture fixture) : ConversationTest(fixture)
{
    private async Task<Guid> ReleaseBotAsync()
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Ada", Roles.Admin);
        var made = await SendAsync(new CreateServiceToken.Command { BotName = "Release bot", Name = "CI", Scopes = ["read", "write"] });
        return await QueryAsync(db => db.ApiTokens.Where(t => t.Id == made.Id).Select(t => t.MemberId).SingleAsync());
    }

    [Fact]
    public async Task A_bot_keeps_its_Bot_badge_when_an_admin_gives_it_staff_rights()
    {
        var bot = await ReleaseBotAsync();
        Assert.Equal(MemberBadge.Bot, await QueryAsync(db => db.Members.Where(m => m.Id == bot).Select(m => m.Badge).SingleAsync()));

        await SendAsync(new SetMemberRoles.Command { MemberId = bot, Staff = true, Title = "Releases" });

        Assert.Equal(MemberBadge.Bot, await QueryAsync(db => db.Members.Where(m => m.Id == bot).Select(m => m.Badge).SingleAsync()));
    }

    [Fact]
    public async Task A_bots_reply_is_not_the_company_taking_part()
    {
        var bot = await ReleaseBotAsync();
        await RunAsNewMemberAsync("Alice");
        var thread = await StartThreadAsync("Is 4.2 out?");
        RunAs(bot);
        await ReplyAsync(thread, "4.2.0 was released today.");

        RunAsAnonymous();
        var listed = await SendAsync(new GetLatest.Query(ThreadListChoice.Parse("company", null, null)));
        Assert.Empty(listed.Threads);
    }

    [Fact]
    public async Task A_bot_is_told_in_the_app_but_never_mailed()
    {
        var bot = await ReleaseBotAsync();
        RunAs(bot);
        var thread = await StartThreadAsync("Release notes for 4.2");
        await RunAsNewMemberAsync("Alice");
        // A mention is told in the app and by e-mail to people (the control: Bea gets her e-mail).
        await RunAsNewMemberAsync("Bea");
        await ConfirmEmailOfAsync(await QueryAsync(db => db.Members.Where(m => m.Handle == "bea").Select(m => m.Id).SingleAsync()));
        await ReplyAsync(thread, "Thanks @release-bot and @bea! Does it fix the CSV export?");

        Assert.True(await QueryAsync(db => db.Notifications.AnyAsync(n => n.RecipientId == bot && n.Kind == NotificationKind.Mention)));
        Assert.True(await QueryAsync(db => db.Emails.AnyAsync(e => e.ToAddress.StartsWith("bea."))));
        Assert.False(await QueryAsync(db => db.Emails.AnyAsync(e => e.ToAddress.EndsWith(".invalid"))));
    }
}
