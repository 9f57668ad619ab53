using CommunityHub.Application.Threads;
using CommunityHub.Domain.Ties;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Ties;

public sealed class TieBookkeepingTests(CommunityFixture fixture) : ApplicationTest(fixture)
{
    private async Task<StartThread.Result> StartAsync(string body = "How do I export my data?") =>
        await SendAsync(new StartThread.Command { SpaceSlug = "questions", Title = "Exporting", Body = body, SubmissionId = Guid.NewGuid() });

    private async Task<long> ReplyAsync(StartThread.Result thread, string body = "Use the export page.", long? inReplyTo = null) =>
        (await SendAsync(new ReplyToThread.Command { SpaceSlug = "questions", ThreadId = thread.ThreadId, Body = body, InReplyToPostId = inReplyTo, SubmissionId = Guid.NewGuid() })).PostId;

    private Task<Tie?> TieAsync(Guid one, Guid other)
    {
        var pair = MemberPair.Of(one, other);
        return QueryAsync(db => db.Ties.SingleOrDefaultAsync(t => t.MemberLowId == pair.Low && t.MemberHighId == pair.High));
    }

    [Fact]
    public async Task A_reply_to_a_thread_is_a_direct_reply_to_its_starter_in_the_same_transaction()
    {
        await CreateSpaceAsync();
        var alice = await RunAsNewMemberAsync("Alice");
        var thread = await StartAsync();
        var bruno = await RunAsNewMemberAsync("Bruno");

        var reply = await ReplyAsync(thread, "Open settings, then choose export and download the archive.");

        var tie = await TieAsync(alice, bruno);
        Assert.NotNull(tie);
        Assert.True(tie.HasDirect);
        Assert.Equal(1 + (1.0 / 1), tie.Contact, 9); // the direct reply, and sharing a two-person thread
        Assert.True(tie.Intensity > 0);
        Assert.Equal(alice, await QueryAsync(db => db.Posts.Where(p => p.Id == reply).Select(p => p.AddressedToId).SingleAsync()));
        Assert.Equal(2, await QueryAsync(db => db.ThreadParticipants.CountAsync(p => p.ThreadId == thread.ThreadId)));
    }

    [Fact]
    public async Task Back_and_forth_replies_build_intimacy_both_ways()
    {
        await CreateSpaceAsync();
        var alice = await RunAsNewMemberAsync("Alice");
        var thread = await StartAsync();
        var bruno = await RunAsNewMemberAsync("Bruno");
        await ReplyAsync(thread, "Which version are you on?");
        RunAs(alice);
        await ReplyAsync(thread, "The latest one.");
        RunAs(bruno);
        await ReplyAsync(thread, "Then the export page is under settings.");

        var tie = await TieAsync(alice, bruno);

        Assert.NotNull(tie);
        Assert.True(tie.ConfidingLowToHigh > 0 && tie.ConfidingHighToLow > 0, "both took a turn");
        var score = new TieScorer(TieOptions.Default).Score(tie.ToState(), Fixture.Clock.GetUtcNow());
        Assert.True(score.Intimacy > 0.2);
    }

    [Fact]
    public async Task A_mention_links_the_member_and_counts_as_direct_address()
    {
        await CreateSpaceAsync();
        var chloe = await RunAsNewMemberAsync("Chloe Martin");
        var alice = await RunAsNewMemberAsync("Alice");

        var thread = await StartAsync("Maybe @chloe-martin knows? Not @nobody-here, and not `@chloe-martin` in code.");

        var opening = await QueryAsync(db => db.Posts.Include(p => p.Mentions).SingleAsync(p => p.ThreadId == thread.ThreadId));
        Assert.Equal([chloe], opening.Mentions.Select(m => m.MemberId));
        Assert.Contains("<a href=\"/members/chloe-martin\" class=\"mention\"", opening.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("@nobody-here", opening.BodyHtml, StringComparison.Ordinal);
        Assert.Single(opening.BodyHtml.Split("class=\"mention\"").Skip(1));
        var tie = await TieAsync(alice, chloe);
        Assert.NotNull(tie);
        Assert.True(tie.HasDirect);
        Assert.Equal(0.5, tie.Contact, 9);
    }

    [Fact]
    public async Task Joining_a_small_thread_shares_it_with_those_already_there_without_direct_contact()
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Alice");
        var thread = await StartAsync();
        var bruno = await RunAsNewMemberAsync("Bruno");
        var brunosReply = await ReplyAsync(thread);
        var chloe = await RunAsNewMemberAsync("Chloe");

        await ReplyAsync(thread, "Me too.", inReplyTo: null);

        var shared = await TieAsync(bruno, chloe);
        Assert.NotNull(shared);
        Assert.False(shared.HasDirect);
        Assert.Equal(0.5, shared.Contact, 9); // 1/(n-1) with three people
        Assert.True(new TieScorer(TieOptions.Default).Score(shared.ToState(), Fixture.Clock.GetUtcNow()).Strength <= TieOptions.Default.SharedThreadsOnlyCap);
        Assert.NotEqual(0, brunosReply);
    }

    [Fact]
    public async Task Posting_again_in_a_thread_does_not_share_it_twice()
    {
        await CreateSpaceAsync();
        var alice = await RunAsNewMemberAsync("Alice");
        var thread = await StartAsync();
        var bruno = await RunAsNewMemberAsync("Bruno");
        await ReplyAsync(thread, "One.");
        var contactAfterFirst = (await TieAsync(alice, bruno))!.Contact;

        await ReplyAsync(thread, "Two.");

        Assert.Equal(contactAfterFirst + 1, (await TieAsync(alice, bruno))!.Contact, 9); // one more direct reply, no second share
        Assert.Equal(2, await QueryAsync(db => db.ThreadParticipants.CountAsync(p => p.ThreadId == thread.ThreadId)));
    }
}
