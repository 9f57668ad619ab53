using CommunityHub.Application.Spaces;
using CommunityHub.Domain.Members;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Seeding;

public sealed class DemoPrivateSpaceTests(CommunityFixture fixture) : ApplicationTest(fixture)
{
    [Fact]
    public async Task The_demo_has_a_private_space_its_group_and_the_staff_see_and_others_do_not()
    {
        await Fixture.UseDemoCommunityAsync();
        var people = await QueryAsync(db => db.Members.Where(m => m.DisplayName == "Alice Chen" || m.DisplayName == "Bruno Costa").ToDictionaryAsync(m => m.DisplayName, m => m.Id));

        RunAs(people["Alice Chen"]);
        var beta = (await SendAsync(new ListSpaces.Query())).Single(s => s.Slug == "beta");
        Assert.Equal(["Beta programme"], beta.PrivateTo);
        Assert.True(beta.ThreadCount > 0);
        RunAs(people["Bruno Costa"]);
        Assert.DoesNotContain(await SendAsync(new ListSpaces.Query()), s => s.Slug == "beta");
        RunAsAnonymous();
        Assert.DoesNotContain(await SendAsync(new ListSpaces.Query()), s => s.Slug == "beta");
        await RunAsNewMemberAsync("Quinn", Roles.Staff);
        Assert.Contains(await SendAsync(new ListSpaces.Query()), s => s.Slug == "beta");
    }
}
