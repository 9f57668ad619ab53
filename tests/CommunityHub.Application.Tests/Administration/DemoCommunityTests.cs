using CommunityHub.Domain.Members;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Administration;

public sealed class DemoCommunityTests(CommunityFixture fixture) : ApplicationTest(fixture)
{
    [Fact]
    public async Task The_demo_community_shows_badges_titles_thread_states_an_official_answer_a_staff_note_an_open_flag_and_its_values()
    {
        // Seeded once per run by the initializer, as ./run.sh seeds it; this test reads a copy of its own.
        await Fixture.UseDemoCommunityAsync();

        var badges = await QueryAsync(db => db.Members.Where(m => m.Badge != MemberBadge.None).ToDictionaryAsync(m => m.DisplayName, m => (m.Badge, m.Title)));
        Assert.Equal((MemberBadge.Staff, "Product Manager, Reporting"), badges["Sam Patel"]);
        Assert.Equal((MemberBadge.Executive, "CEO"), badges["Erin Walsh"]);
        Assert.True(await QueryAsync(db => db.Threads.AnyAsync(t => t.IsPinned)));
        Assert.True(await QueryAsync(db => db.Threads.AnyAsync(t => t.IsLocked)));
        Assert.True(await QueryAsync(db => db.Threads.AnyAsync(t => t.OfficialAnswerPostId != null)));
        Assert.True(await QueryAsync(db => db.Posts.AnyAsync(p => p.IsStaffNote)));
        Assert.True(await QueryAsync(db => db.Flags.AnyAsync(f => f.ResolvedAt == null)));
        Assert.True(await QueryAsync(db => db.Values.AnyAsync()));
        Assert.True(await QueryAsync(db => db.ModerationLog.AnyAsync()));
    }
}
