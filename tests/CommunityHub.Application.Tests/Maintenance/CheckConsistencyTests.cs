using CommunityHub.Application.Ideas;
using CommunityHub.Application.Maintenance;
using CommunityHub.Application.Reciprocity;
using CommunityHub.Application.Threads;
using CommunityHub.Domain.Members;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Maintenance;

public sealed class CheckConsistencyTests(CommunityFixture fixture) : ApplicationTest(fixture)
{
    [Fact]
    public async Task A_community_kept_by_the_write_path_has_no_drift()
    {
        await ConverseAsync();

        var report = await SendAsync(new CheckConsistency.Query());

        Assert.True(report.IsConsistent, string.Join("; ", report.Examples));
        Assert.Equal((1, 1, 3), (report.Threads, report.Spaces, report.Posts));
        Assert.True(report.Ties >= 2, $"{report.Ties} ties");
    }

    [Fact]
    public async Task A_corrupted_counter_is_reported_and_left_as_it_is()
    {
        await ConverseAsync();
        await ExecuteSqlAsync($"UPDATE threads SET reply_count = reply_count + 1");
        await ExecuteSqlAsync($"UPDATE spaces SET thread_count = 5");

        var report = await SendAsync(new CheckConsistency.Query());

        Assert.Equal(2, report.DriftCount);
        Assert.Contains(report.Examples, d => d.Kind == "thread counters" && d.Stored.StartsWith("3 replies", StringComparison.Ordinal) && d.Expected.StartsWith("2 replies", StringComparison.Ordinal));
        Assert.Contains(report.Examples, d => d.Kind == "space counters" && d.Subject == "space questions");
        Assert.Equal(3, await QueryAsync(db => db.Threads.Select(t => t.ReplyCount).SingleAsync()));
    }

    [Fact]
    public async Task A_corrupted_missing_or_invented_tie_is_reported()
    {
        var (alice, bruno, chloe) = await ConverseAsync();
        var ties = await QueryAsync(db => db.Ties.CountAsync());
        await ExecuteSqlAsync($"UPDATE ties SET service_low_to_high = service_low_to_high + 0.01 WHERE (member_low_id = {alice} OR member_high_id = {alice}) AND (member_low_id = {bruno} OR member_high_id = {bruno})");

        var corrupted = await SendAsync(new CheckConsistency.Query());
        Assert.Equal(1, corrupted.DriftCount);
        Assert.Equal("tie", corrupted.Examples.Single().Kind);

        await ExecuteSqlAsync($"DELETE FROM ties WHERE (member_low_id = {chloe} OR member_high_id = {chloe}) AND (member_low_id = {bruno} OR member_high_id = {bruno})");
        var missing = await SendAsync(new CheckConsistency.Query());
        Assert.Equal(2, missing.DriftCount);
        Assert.Contains(missing.Examples, d => d.Kind == "tie" && d.Stored == "missing");
        Assert.Equal(ties - 1, await QueryAsync(db => db.Ties.CountAsync()));
    }

    [Fact]
    public async Task A_lost_participant_and_a_wrong_addressee_are_reported()
    {
        var (_, bruno, chloe) = await ConverseAsync();
        await ExecuteSqlAsync($"DELETE FROM thread_participants WHERE member_id = {chloe}");
        await ExecuteSqlAsync($"UPDATE posts SET addressed_to_id = {chloe} WHERE author_id = {bruno}");

        var report = await SendAsync(new CheckConsistency.Query());

        Assert.Contains(report.Examples, d => d.Kind == "thread participant" && d.Stored == "missing");
        Assert.Contains(report.Examples, d => d.Kind == "post addressee");
    }

    [Fact]
    public async Task Repair_fixes_every_drift_the_check_reports()
    {
        var (alice, _, chloe) = await ConverseAsync();
        await ExecuteSqlAsync($"UPDATE threads SET reply_count = 0, last_activity_at = last_activity_at - interval '1 day'");
        await ExecuteSqlAsync($"UPDATE ties SET contact = contact * 3, strength_at_update = 0.9 WHERE member_low_id = {alice} OR member_high_id = {alice}");
        await ExecuteSqlAsync($"DELETE FROM thread_participants WHERE member_id = {chloe}");
        Assert.False((await SendAsync(new CheckConsistency.Query())).IsConsistent);

        var repaired = await SendAsync(new RepairConsistency.Command());

        Assert.Equal(1, repaired.Counters.ThreadsCorrected);
        var report = await SendAsync(new CheckConsistency.Query());
        Assert.True(report.IsConsistent, string.Join("; ", report.Examples));
        Assert.Equal(2, await QueryAsync(db => db.Threads.Select(t => t.ReplyCount).SingleAsync()));
    }

    [Fact]
    public async Task A_drifted_idea_vote_count_is_reported_then_recounted_from_the_standing_votes()
    {
        var space = await CreateSpaceAsync("ideas", "Ideas", 1);
        await RunAsNewMemberAsync("Ada", Roles.Admin);
        await SendAsync(new MakeIdeasSpace.Command { SpaceId = space.Id, Ideas = true });
        await RunAsNewMemberAsync("Alice");
        var idea = await SendAsync(new StartThread.Command { SpaceSlug = "ideas", Title = "Dark mode", Body = "Please.", SubmissionId = Guid.NewGuid() });
        await RunAsNewMemberAsync("Bruno");
        await SendAsync(new VoteForIdea.Command { ThreadId = idea.ThreadId });
        await RunAsNewMemberAsync("Chloe");
        await SendAsync(new VoteForIdea.Command { ThreadId = idea.ThreadId });
        await SendAsync(new VoteForIdea.Command { ThreadId = idea.ThreadId, Vote = false });
        var before = await SendAsync(new CheckConsistency.Query());
        Assert.True(before.IsConsistent, string.Join("; ", before.Examples));
        await ExecuteSqlAsync($"UPDATE ideas SET vote_count = 40");

        var report = await SendAsync(new CheckConsistency.Query());

        var drift = Assert.Single(report.Examples);
        Assert.Equal(("idea votes", $"idea {idea.ThreadId}", "40 votes", "2 votes"), (drift.Kind, drift.Subject, drift.Stored, drift.Expected));
        Assert.Equal(40, await QueryAsync(db => db.Ideas.Select(i => i.VoteCount).SingleAsync()));

        var repaired = await SendAsync(new RepairConsistency.Command());

        Assert.Equal(1, repaired.Counters.IdeasCorrected);
        Assert.Equal(2, await QueryAsync(db => db.Ideas.Select(i => i.VoteCount).SingleAsync()));
        var after = await SendAsync(new CheckConsistency.Query());
        Assert.True(after.IsConsistent, string.Join("; ", after.Examples));
    }

    [Fact]
    public async Task A_reply_written_earlier_but_committed_later_does_not_move_the_latest_activity_back()
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Alice");
        var thread = await SendAsync(new StartThread.Command { SpaceSlug = "questions", Title = "T", Body = "B", SubmissionId = Guid.NewGuid() });
        var bruno = await RunAsNewMemberAsync("Bruno");
        var chloe = await RunAsNewMemberAsync("Chloe");

        // Two replies under way at once: Chloe's, begun later, commits first; Bruno's, begun earlier, after it.
        // The clock only moves forward, so Chloe's reply is dated ten seconds on, as if written then.
        Fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await SendAsync(new ReplyToThread.Command { SpaceSlug = "questions", ThreadId = thread.ThreadId, Body = "Later", SubmissionId = Guid.NewGuid() });
        await ExecuteSqlAsync($"UPDATE posts SET created_at = created_at + interval '10 seconds' WHERE body = 'Later'");
        await ExecuteSqlAsync($"UPDATE threads SET last_activity_at = last_activity_at + interval '10 seconds'");
        await ExecuteSqlAsync($"UPDATE spaces SET last_activity_at = last_activity_at + interval '10 seconds'");
        await ExecuteSqlAsync($"UPDATE ties SET as_of = as_of + interval '10 seconds', first_at = first_at + interval '10 seconds', last_at = last_at + interval '10 seconds'");
        await ExecuteSqlAsync($"UPDATE thread_participants SET joined_at = joined_at + interval '10 seconds' WHERE member_id = {chloe}");
        Assert.True((await SendAsync(new CheckConsistency.Query())).IsConsistent);
        Fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        RunAs(bruno);
        await SendAsync(new ReplyToThread.Command { SpaceSlug = "questions", ThreadId = thread.ThreadId, Body = "Earlier", SubmissionId = Guid.NewGuid() });

        var report = await SendAsync(new CheckConsistency.Query());

        Assert.True(report.IsConsistent, string.Join("; ", report.Examples));
        Assert.Equal(chloe, await QueryAsync(db => db.Threads.Select(t => t.LastPosterId).SingleAsync()));
    }

    /// <summary>Within the hour (the fixture's clock is shared, and other tests suspend members until fixed dates):
    /// Alice asks, Bruno and Chloe answer, Alice marks Bruno's answer helpful and thanks Chloe, and takes the thanks back.</summary>
    private async Task<(Guid Alice, Guid Bruno, Guid Chloe)> ConverseAsync()
    {
        await CreateSpaceAsync();
        var bruno = await RunAsNewMemberAsync("Bruno");
        var chloe = await RunAsNewMemberAsync("Chloe");
        var alice = await RunAsNewMemberAsync("Alice");
        var thread = await SendAsync(new StartThread.Command { SpaceSlug = "questions", Title = "How do I export?", Body = "I need a CSV of last month.", SubmissionId = Guid.NewGuid() });
        Fixture.Clock.Advance(TimeSpan.FromMinutes(20));
        RunAs(bruno);
        var answer = await SendAsync(new ReplyToThread.Command { SpaceSlug = "questions", ThreadId = thread.ThreadId, Body = "Reports, then Export, then CSV.", SubmissionId = Guid.NewGuid() });
        Fixture.Clock.Advance(TimeSpan.FromMinutes(10));
        RunAs(chloe);
        var aside = await SendAsync(new ReplyToThread.Command { SpaceSlug = "questions", ThreadId = thread.ThreadId, Body = "@bruno is right, it works for me too.", InReplyToPostId = answer.PostId, SubmissionId = Guid.NewGuid() });
        Fixture.Clock.Advance(TimeSpan.FromMinutes(30));
        RunAs(alice);
        await SendAsync(new MarkHelped.Command { PostId = answer.PostId, Helped = true });
        await SendAsync(new ThankPost.Command { PostId = aside.PostId, Thanked = true });
        Fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        await SendAsync(new ThankPost.Command { PostId = aside.PostId, Thanked = false });
        return (alice, bruno, chloe);
    }
}
