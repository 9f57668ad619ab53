using CommunityHub.Application.Groups;
using CommunityHub.Application.Ideas;
using CommunityHub.Application.Notifications;
using CommunityHub.Application.Ties;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Ideas;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Ideas;

public sealed class IdeaUseCaseTests(CommunityFixture fixture) : ConversationTest(fixture)
{
    private async Task<int> IdeasSpaceAsync(string slug = "ideas", int position = 2)
    {
        var space = await CreateSpaceAsync(slug, "Ideas " + slug, position);
        var me = Fixture.CurrentUser.MemberId;
        await RunAsNewMemberAsync("Ada " + slug, Roles.Admin);
        await SendAsync(new MakeIdeasSpace.Command { SpaceId = space.Id, Ideas = true });
        if (me is { } back)
        {
            RunAs(back);
        }

        return space.Id;
    }

    private Task<int> VotesAsync(long threadId) => QueryAsync(db => db.Ideas.Where(i => i.ThreadId == threadId).Select(i => i.VoteCount).SingleAsync());

    private Task<int> VoteRowsAsync(long threadId) => QueryAsync(db => db.IdeaVotes.CountAsync(v => v.ThreadId == threadId && v.WithdrawnAt == null));

    [Fact]
    public async Task A_suspended_or_banned_member_is_offered_no_vote_and_a_forged_vote_is_refused()
    {
        await IdeasSpaceAsync();
        await RunAsNewMemberAsync("Alice");
        var idea = await StartThreadAsync("Dark mode", "Please.", space: "ideas");
        var bruno = await RunAsNewMemberAsync("Bruno");
        Assert.True((await SendAsync(new GetIdea.Query(idea)))!.Can.Vote);
        Assert.True((await SendAsync(new ListIdeas.Query("ideas"))).CanVote);
        var until = Fixture.Clock.GetUtcNow().AddDays(3);
        await ExecuteSqlAsync($"UPDATE members SET suspended_until = {until}, sanction_reason = 'Spam' WHERE id = {bruno}");

        Assert.False((await SendAsync(new GetIdea.Query(idea)))!.Can.Vote);
        Assert.False((await SendAsync(new ListIdeas.Query("ideas"))).CanVote);
        var refused = await Assert.ThrowsAsync<DomainException>(() => SendAsync(new VoteForIdea.Command { ThreadId = idea }));
        Assert.Contains("suspended", refused.Message, StringComparison.Ordinal);
        await ExecuteSqlAsync($"UPDATE members SET suspended_until = NULL, is_banned = true, sanction_reason = 'Abuse' WHERE id = {bruno}");
        Assert.False((await SendAsync(new GetIdea.Query(idea)))!.Can.Vote);
        Assert.False((await SendAsync(new ListIdeas.Query("ideas"))).CanVote);
        await Assert.ThrowsAsync<DomainException>(() => SendAsync(new VoteForIdea.Command { ThreadId = idea }));
        Assert.Equal((1, 1), (await VotesAsync(idea), await VoteRowsAsync(idea)));
    }

    [Fact]
    public async Task An_idea_starts_with_its_authors_vote_and_a_member_votes_once_and_can_take_it_back()
    {
        await IdeasSpaceAsync();
        await RunAsNewMemberAsync("Alice");
        var idea = await StartThreadAsync("Dark mode", "Please.", space: "ideas");
        Assert.Equal(1, await VotesAsync(idea));

        await RunAsNewMemberAsync("Bruno");
        await SendAsync(new VoteForIdea.Command { ThreadId = idea });
        await SendAsync(new VoteForIdea.Command { ThreadId = idea });
        Assert.Equal((2, 2), (await VotesAsync(idea), await VoteRowsAsync(idea)));

        await SendAsync(new VoteForIdea.Command { ThreadId = idea, Vote = false });
        await SendAsync(new VoteForIdea.Command { ThreadId = idea, Vote = false });
        Assert.Equal((1, 1), (await VotesAsync(idea), await VoteRowsAsync(idea)));
    }

    [Fact]
    public async Task Votes_racing_from_two_tabs_count_once()
    {
        await IdeasSpaceAsync();
        await RunAsNewMemberAsync("Alice");
        var idea = await StartThreadAsync("Dark mode", "Please.", space: "ideas");
        await RunAsNewMemberAsync("Bruno");

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SendAsync(new VoteForIdea.Command { ThreadId = idea })));

        Assert.Equal((2, 2), (await VotesAsync(idea), await VoteRowsAsync(idea)));
    }

    [Fact]
    public async Task A_thread_outside_an_Ideas_space_takes_no_votes()
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Alice");
        var thread = await StartThreadAsync();

        await Assert.ThrowsAsync<DomainException>(() => SendAsync(new VoteForIdea.Command { ThreadId = thread }));
        Assert.Equal(0, await QueryAsync(db => db.Ideas.CountAsync()));
    }

    [Fact]
    public async Task Every_status_change_tells_voters_the_author_and_watchers_but_not_the_one_who_made_it()
    {
        await IdeasSpaceAsync();
        var alice = await RunAsNewMemberAsync("Alice");
        var idea = await StartThreadAsync("Dark mode", "Please.", space: "ideas");
        var bruno = await RunAsNewMemberAsync("Bruno");
        await SendAsync(new VoteForIdea.Command { ThreadId = idea });
        var chloe = await RunAsNewMemberAsync("Chloe");
        await SendAsync(new WatchThread.Command { ThreadId = idea, Choice = ThreadWatchChoice.Watching });
        await RunAsNewMemberAsync("Dev");
        var sam = await RunAsNewMemberAsync("Sam", Roles.Staff);

        await SendAsync(new SetIdeaStatus.Command { ThreadId = idea, Status = "planned", Note = "Next quarter." });
        await SendAsync(new SetIdeaStatus.Command { ThreadId = idea, Status = "shipped", Note = "Out today." });

        var told = await QueryAsync(db => db.Notifications.Where(n => n.Kind == NotificationKind.IdeaStatusChanged).Select(n => n.RecipientId).ToListAsync());
        Assert.Equal(new[] { alice, alice, bruno, bruno, chloe, chloe }.Order(), told.Order());
        Assert.DoesNotContain(sam, told);
        var stored = await QueryAsync(db => db.Ideas.SingleAsync(i => i.ThreadId == idea));
        Assert.Equal((IdeaStatus.Shipped, "Out today.", sam), (stored.Status, stored.StatusNote, stored.StatusChangedById!.Value));
        Assert.Equal(2, await QueryAsync(db => db.IdeaStatusChanges.CountAsync(c => c.ThreadId == idea)));
    }

    [Fact]
    public async Task A_member_or_a_moderator_cannot_change_a_status_and_nothing_changes()
    {
        await IdeasSpaceAsync();
        await RunAsNewMemberAsync("Alice");
        var idea = await StartThreadAsync("Dark mode", "Please.", space: "ideas");

        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new SetIdeaStatus.Command { ThreadId = idea, Status = "planned", Note = "Mine now" }));
        await RunAsNewMemberAsync("Morgan", Roles.Moderator);
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new SetIdeaStatus.Command { ThreadId = idea, Status = "planned" }));

        Assert.Equal(IdeaStatus.New, await QueryAsync(db => db.Ideas.Where(i => i.ThreadId == idea).Select(i => i.Status).SingleAsync()));
        Assert.Equal(0, await QueryAsync(db => db.IdeaStatusChanges.CountAsync()));
    }

    [Fact]
    public async Task Merging_a_duplicate_moves_its_votes_once_and_closes_it()
    {
        await IdeasSpaceAsync();
        await RunAsNewMemberAsync("Alice");
        var original = await StartThreadAsync("Export dashboards to PDF", "Please.", space: "ideas");
        await RunAsNewMemberAsync("Bruno");
        var duplicate = await StartThreadAsync("PDF export, please", "Same.", space: "ideas");
        await SendAsync(new VoteForIdea.Command { ThreadId = original });
        await RunAsNewMemberAsync("Chloe");
        await SendAsync(new VoteForIdea.Command { ThreadId = duplicate });
        await RunAsNewMemberAsync("Morgan", Roles.Moderator);

        await SendAsync(new MergeIdea.Command { ThreadId = duplicate, IntoThreadId = original });

        // Alice, Bruno (voted for both: counted once) and Chloe.
        Assert.Equal((3, 3), (await VotesAsync(original), await VoteRowsAsync(original)));
        Assert.Equal((0, 0), (await VotesAsync(duplicate), await VoteRowsAsync(duplicate)));
        var closed = await QueryAsync(db => db.Threads.Where(t => t.Id == duplicate).Select(t => t.IsClosed).SingleAsync());
        Assert.True(closed);
        Assert.Equal(original, await QueryAsync(db => db.Ideas.Where(i => i.ThreadId == duplicate).Select(i => i.MergedIntoThreadId).SingleAsync()));
        await Assert.ThrowsAsync<DomainException>(() => SendAsync(new VoteForIdea.Command { ThreadId = duplicate }));
    }

    [Fact]
    public async Task Merges_by_a_member_into_itself_or_across_spaces_are_refused_and_change_nothing()
    {
        await IdeasSpaceAsync();
        await IdeasSpaceAsync("roadmap-ideas", 3);
        await RunAsNewMemberAsync("Alice");
        var one = await StartThreadAsync("Export dashboards to PDF", "Please.", space: "ideas");
        var two = await StartThreadAsync("PDF export, please", "Same.", space: "ideas");
        var elsewhere = await StartThreadAsync("PDF export again", "Same.", space: "roadmap-ideas");

        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new MergeIdea.Command { ThreadId = two, IntoThreadId = one }));
        await RunAsNewMemberAsync("Sam", Roles.Staff);
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new MergeIdea.Command { ThreadId = two, IntoThreadId = one }));
        await RunAsNewMemberAsync("Morgan", Roles.Moderator);
        await Assert.ThrowsAsync<DomainException>(() => SendAsync(new MergeIdea.Command { ThreadId = two, IntoThreadId = two }));
        await Assert.ThrowsAsync<DomainException>(() => SendAsync(new MergeIdea.Command { ThreadId = two, IntoThreadId = elsewhere }));

        Assert.Equal(0, await QueryAsync(db => db.Ideas.CountAsync(i => i.MergedIntoThreadId != null)));
        Assert.Equal(0, await QueryAsync(db => db.Threads.CountAsync(t => t.IsClosed)));
        Assert.Equal(3, await QueryAsync(db => db.IdeaVotes.CountAsync()));
    }

    [Fact]
    public async Task Votes_and_status_updates_build_ties_that_a_rebuild_reproduces()
    {
        await IdeasSpaceAsync();
        var alice = await RunAsNewMemberAsync("Alice");
        var idea = await StartThreadAsync("Dark mode", "Please.", space: "ideas");
        await RunAsNewMemberAsync("Bruno");
        await SendAsync(new VoteForIdea.Command { ThreadId = idea });
        var chloe = await RunAsNewMemberAsync("Chloe");
        await SendAsync(new VoteForIdea.Command { ThreadId = idea });
        Fixture.Clock.Advance(TimeSpan.FromDays(2));
        await SendAsync(new VoteForIdea.Command { ThreadId = idea, Vote = false });
        var sam = await RunAsNewMemberAsync("Sam", Roles.Staff);
        await SendAsync(new SetIdeaStatus.Command { ThreadId = idea, Status = "planned", Note = "We will build this next quarter, starting with the dashboard." });

        var before = await QueryAsync(db => db.Ties.AsNoTracking().OrderBy(t => t.MemberLowId).ThenBy(t => t.MemberHighId).ToListAsync());
        Assert.Contains(before, t => (t.MemberLowId == sam || t.MemberHighId == sam) && (t.MemberLowId == alice || t.MemberHighId == alice));
        await SendAsync(new RebuildTies.Command());
        var after = await QueryAsync(db => db.Ties.AsNoTracking().OrderBy(t => t.MemberLowId).ThenBy(t => t.MemberHighId).ToListAsync());

        Assert.Equal(before.Select(t => (t.MemberLowId, t.MemberHighId)), after.Select(t => (t.MemberLowId, t.MemberHighId)));
        foreach (var (b, a) in before.Zip(after))
        {
            Assert.Equal((b.AsOf, b.FirstAt, b.HasDirect), (a.AsOf, a.FirstAt, a.HasDirect));
            Assert.Equal(b.Contact, a.Contact, 1e-9);
            Assert.Equal(b.Intensity, a.Intensity, 1e-9);
        }

        _ = chloe;
    }

    [Fact]
    public async Task The_list_sorts_by_votes_and_by_trending_in_keyset_pages()
    {
        await IdeasSpaceAsync();
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            await RunAsNewMemberAsync($"Author {i}");
            ids.Add(await StartThreadAsync($"Idea {i}", "Please.", space: "ideas"));
        }

        // Idea 0: three old votes; idea 1: two fresh ones; idea 2: only its author's, fresh.
        for (var v = 0; v < 2; v++)
        {
            await RunAsNewMemberAsync($"Early {v}");
            await SendAsync(new VoteForIdea.Command { ThreadId = ids[0] });
        }

        Fixture.Clock.Advance(TimeSpan.FromDays(40));
        await RunAsNewMemberAsync("Late");
        await SendAsync(new VoteForIdea.Command { ThreadId = ids[1] });
        await RunAsNewMemberAsync("Latest");
        await SendAsync(new VoteForIdea.Command { ThreadId = ids[1] });

        var top = await SendAsync(new ListIdeas.Query("ideas"));
        // Equal votes: the newer idea first.
        Assert.Equal([ids[1], ids[0], ids[2]], top.Ideas.Select(i => i.ThreadId));
        Assert.Equal([3, 3, 1], top.Ideas.Select(i => i.Votes));
        var trending = await SendAsync(new ListIdeas.Query("ideas", "trending"));
        Assert.Equal([ids[1], ids[2], ids[0]], trending.Ideas.Select(i => i.ThreadId));
        Assert.Equal([2, 0, 0], trending.Ideas.Select(i => i.RecentVotes));
        var newest = await SendAsync(new ListIdeas.Query("ideas", "new"));
        Assert.Equal([ids[2], ids[1], ids[0]], newest.Ideas.Select(i => i.ThreadId));
        var unknown = await SendAsync(new ListIdeas.Query("ideas", "nonsense", "nonsense", "not-a-cursor"));
        Assert.Equal(3, unknown.Ideas.Count);

        // A page that starts after the first idea by votes.
        var next = await SendAsync(new ListIdeas.Query("ideas", After: $"3.{ids[1]}"));
        Assert.Equal([ids[0], ids[2]], next.Ideas.Select(i => i.ThreadId));
    }

    [Fact]
    public async Task The_roadmap_groups_ideas_by_status_and_leaves_out_a_private_space_for_outsiders()
    {
        await IdeasSpaceAsync();
        var betaSpace = await IdeasSpaceAsync("beta-ideas", 3);
        await RunAsNewMemberAsync("Alice");
        var open = await StartThreadAsync("Dark mode", "Please.", space: "ideas");
        var secret = await StartThreadAsync("Beta-only idea", "Shh.", space: "beta-ideas");
        await RunAsNewMemberAsync("Ada", Roles.Admin);
        var group = await SendAsync(new CreateGroup.Command { Name = "Beta programme", Description = "Testers." });
        await SendAsync(new RestrictSpace.Command { SpaceId = betaSpace, GroupIds = [group] });
        await RunAsNewMemberAsync("Sam", Roles.Staff);
        await SendAsync(new SetIdeaStatus.Command { ThreadId = open, Status = "planned" });
        await SendAsync(new SetIdeaStatus.Command { ThreadId = secret, Status = "planned" });

        var forStaff = await SendAsync(new GetRoadmap.Query());
        RunAsAnonymous();
        var forVisitor = await SendAsync(new GetRoadmap.Query());
        await RunAsNewMemberAsync("Bruno");
        var forOutsider = await SendAsync(new GetRoadmap.Query());

        Assert.Equal(2, forStaff.Groups.Single(g => g.Status == IdeaStatus.Planned).Ideas.Count);
        Assert.Equal([open], forVisitor.Groups.Single(g => g.Status == IdeaStatus.Planned).Ideas.Select(i => i.ThreadId));
        Assert.Equal([open], forOutsider.Groups.Single(g => g.Status == IdeaStatus.Planned).Ideas.Select(i => i.ThreadId));
    }
}
