using CommunityHub.Application.Spaces;
using CommunityHub.Application.Staff;
using CommunityHub.Application.Threads;
using CommunityHub.Domain.Members;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Moderation;

public sealed class ExecutivePresenceTests(CommunityFixture fixture) : ModerationTest(fixture)
{
    private async Task MakeExecutiveAsync(Guid member, string title) =>
        await ExecuteSqlAsync($"UPDATE members SET badge = 'Executive', title = {title} WHERE id = {member}");

    [Fact]
    public async Task Executives_who_posted_publicly_in_the_last_thirty_days_are_listed_latest_first()
    {
        var c = await AConversationAsync();
        var erin = await RunAsNewAsync("Erin", Roles.Executive);
        await MakeExecutiveAsync(erin, "CEO");
        var old = await RunAsNewAsync("Olga", Roles.Executive);
        await MakeExecutiveAsync(old, "CFO");
        await SendAsync(Reply(c.Thread, "A while ago."));
        Fixture.Clock.Advance(TimeSpan.FromDays(31));
        var noteOnly = await RunAsNewAsync("Nina", Roles.Executive);
        await MakeExecutiveAsync(noteOnly, "CTO");
        await SendAsync(Reply(c.Thread, "Internal only.", staffNote: true));
        RunAs(erin, Roles.Executive);
        await SendAsync(Reply(c.Thread, "We're on it."));

        var everywhere = await SendAsync(new GetExecutivePresence.Query());
        var inOtherSpace = await SendAsync(new GetExecutivePresence.Query(SpaceId: -1));

        var only = Assert.Single(everywhere);
        Assert.Equal(("Erin", "CEO", c.Thread.ThreadId, "questions"), (only.Name, only.Title, only.ThreadId, only.SpaceSlug));
        Assert.Empty(inOtherSpace);
    }

    [Fact]
    public async Task A_space_lists_only_threads_the_company_took_part_in_when_asked()
    {
        var c = await AConversationAsync();
        var other = await SendAsync(new StartThread.Command { SpaceSlug = "questions", Title = "Only members here", Body = "Hi", SubmissionId = Guid.NewGuid() });
        var sam = await RunAsNewAsync("Sam", Roles.Staff);
        await ExecuteSqlAsync($"UPDATE members SET badge = 'Staff' WHERE id = {sam}");
        await SendAsync(Reply(c.Thread, "Staff answer."));
        await SendAsync(Reply(other, "Just a staff note.", staffNote: true));

        var all = await SendAsync(new GetSpace.Query("questions"));
        var company = await SendAsync(new GetSpace.Query("questions", CompanyOnly: true));

        Assert.Equal(2, all.Threads.Count);
        var row = Assert.Single(company.Threads);
        Assert.Equal((c.Thread.ThreadId, true), (row.Id, row.CompanyTookPart));
        Assert.False(all.Threads.Single(t => t.Id == other.ThreadId).CompanyTookPart);
        Assert.Equal(2, await QueryAsync(db => db.Threads.CountAsync()));
    }
}
