using CommunityHub.Application.Ties;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Ties;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Seeding;

public sealed class DemoCommunityTests(CommunityFixture fixture) : ApplicationTest(fixture)
{
    [Fact]
    public async Task The_demo_community_seeds_a_dashboard_worth_looking_at()
    {
        // Seeded once per run by the initializer, as ./run.sh seeds it; this test reads a copy of its own.
        await Fixture.UseDemoCommunityAsync();

        await RunAsNewMemberAsync("Quinn", Roles.Staff);
        var health = await SendAsync(new GetCommunityHealth.Query());

        Assert.True(await QueryAsync(db => db.Ties.CountAsync()) >= 30);
        Assert.All(health.Ladder.Where(s => s.Stage != LadderStage.Community), s => Assert.True(s.Members > 0, $"nobody at {s.Stage}"));
        Assert.True(health.StrongTies > 0 && health.WeakTies > 0);
        Assert.True(health.ReciprocationRate > 0);
        Assert.True(health.CompanyCoverage > 0);
        Assert.True(health.TopHelpers.Count >= 5);
        Assert.True(health.SolvedThreads > 5 && health.UnansweredThreads > 0);
        Assert.True(health.Trend.Count(w => w.Posts > 0) >= 10, "activity across the weeks");
    }

    [Fact]
    public async Task The_demo_shows_a_thread_card_and_an_emoji_shortcode()
    {
        await Fixture.UseDemoCommunityAsync();
        RunAsAnonymous();
        var threads = await QueryAsync(db => db.Threads.ToDictionaryAsync(t => t.Title, t => t.Id));

        var bulk = await SendAsync(new Application.Threads.GetThread.Query(threads["API rate limits for bulk imports"]));
        var csv = await SendAsync(new Application.Threads.GetThread.Query(threads["How do I export a report as CSV with filters applied?"]));

        Assert.Contains(bulk.Replies, r => r.BodyHtml.Contains("class=\"thread-card\"", StringComparison.Ordinal)
            && r.BodyHtml.Contains(">How do I export a report as CSV with filters applied?</a>", StringComparison.Ordinal));
        Assert.Contains(csv.Replies, r => r.BodyHtml.Contains("for weeks. 🎉", StringComparison.Ordinal));
    }
}
