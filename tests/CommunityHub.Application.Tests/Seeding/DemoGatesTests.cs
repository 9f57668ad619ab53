using CommunityHub.Application.Spaces;
using CommunityHub.Domain.Registration;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Seeding;

public sealed class DemoGatesTests(CommunityFixture fixture) : ApplicationTest(fixture)
{
    [Fact]
    public async Task The_demo_has_a_members_only_space_and_a_usable_invite_link()
    {
        await Fixture.UseDemoCommunityAsync();

        RunAsAnonymous();
        Assert.DoesNotContain(await SendAsync(new ListSpaces.Query()), s => s.Slug == "lounge");
        await RunAsNewMemberAsync("Quinn");
        var lounge = (await SendAsync(new ListSpaces.Query())).Single(s => s.Slug == "lounge");
        Assert.Equal(["signed-in members"], lounge.PrivateTo);
        Assert.True(lounge.ThreadCount > 0);
        var invite = await QueryAsync(db => db.Invites.SingleAsync());
        Assert.Equal(InviteState.Usable, invite.StateAt(Fixture.Clock.GetUtcNow()));
    }
}
