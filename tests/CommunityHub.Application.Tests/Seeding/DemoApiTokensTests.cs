using CommunityHub.Application.ApiTokens;
using CommunityHub.Domain.Members;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Seeding;

public sealed class DemoApiTokensTests(CommunityFixture fixture) : ApplicationTest(fixture)
{
    [Fact]
    public async Task The_demo_has_a_service_token_for_a_bot_that_posted_and_no_personal_token()
    {
        await Fixture.UseDemoCommunityAsync();

        var ada = await QueryAsync(db => db.Members.Where(m => m.DisplayName == "Ada Okafor").Select(m => m.Id).SingleAsync());
        Fixture.CurrentUser.ActAs(ada, Roles.Member, Roles.Admin);
        var tokens = await SendAsync(new ListServiceTokens.Query());
        var token = Assert.Single(tokens);
        Assert.Equal("Release Notes Bot", token.BotName);
        Assert.False(token.Token.IsRevoked);
        Assert.Equal(1, await QueryAsync(db => db.ApiTokens.CountAsync()));
        var bot = await QueryAsync(db => db.Members.SingleAsync(m => m.DisplayName == "Release Notes Bot"));
        Assert.Equal(MemberBadge.Bot, bot.Badge);
        Assert.True(await QueryAsync(db => db.Posts.AnyAsync(p => p.AuthorId == bot.Id)));
    }
}
