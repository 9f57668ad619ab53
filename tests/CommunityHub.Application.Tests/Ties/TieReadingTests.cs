using CommunityHub.Domain.Common;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Members;
using CommunityHub.Application.Reciprocity;
using CommunityHub.Application.Threads;
using CommunityHub.Application.Ties;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Reciprocity;
using CommunityHub.Domain.Ties;

namespace CommunityHub.Application.Tests.Ties;

public sealed class TieReadingTests(CommunityFixture fixture) : ApplicationTest(fixture)
{
    private Guid _alice;
    private Guid _bruno;
    private long _brunosReply;

    /// <summary>Alice asks, Bruno answers twice, Alice marks his answer helped and accepts it.</summary>
    private async Task AConversationAsync()
    {
        await CreateSpaceAsync();
        _alice = await RunAsNewMemberAsync("Alice");
        var thread = await SendAsync(new StartThread.Command { SpaceSlug = "questions", Title = "Exporting", Body = "How do I export?", SubmissionId = Guid.NewGuid() });
        Fixture.Clock.Advance(TimeSpan.FromHours(3));
        _bruno = await RunAsNewMemberAsync("Bruno", Roles.Staff);
        _brunosReply = (await SendAsync(new ReplyToThread.Command { SpaceSlug = "questions", ThreadId = thread.ThreadId, Body = "Settings, then export. Thanks @alice for asking.", SubmissionId = Guid.NewGuid() })).PostId;
        RunAs(_alice);
        await SendAsync(new ReplyToThread.Command { SpaceSlug = "questions", ThreadId = thread.ThreadId, Body = "That worked, thank you!", SubmissionId = Guid.NewGuid() });
        await SendAsync(new MarkHelped.Command { PostId = _brunosReply });
        await SendAsync(new AcceptAnswer.Command { ThreadId = thread.ThreadId, PostId = _brunosReply });
    }

    [Fact]
    public async Task A_profile_shows_the_strongest_ties_and_the_help_ledger()
    {
        await AConversationAsync();
        // Scored ties are for the member and the staff side (TieVisibilityTests): read as staff.
        await RunAsNewMemberAsync("Sam", Roles.Staff);

        var bruno = await SendAsync(new GetProfile.Query("bruno"));
        var alice = await SendAsync(new GetProfile.Query("alice"));

        var tie = Assert.Single(bruno.Ties);
        Assert.Equal(("alice", "Alice"), (tie.Handle, tie.DisplayName));
        Assert.True(tie.Score.Services > 0 && tie.Score.Time > 0 && tie.Score.Intimacy > 0 && tie.Score.Intensity > 0);
        Assert.Equal((2, 0, 0), (bruno.Ledger.Given, bruno.Ledger.Received, alice.Ledger.Given));
        Assert.Equal(2, alice.Ledger.Received);
        Assert.Equal(2, bruno.Ledger.Balance);
        Assert.All(bruno.Ledger.Recent, e => Assert.Equal((true, "Alice", _brunosReply), (e.Gave, e.OtherName, e.PostId)));
        Assert.Equal([ReciprocityKind.AcceptedAnswer, ReciprocityKind.Helped], bruno.Ledger.Recent.Select(e => e.Kind));
        Assert.True(tie.MayOpenCard); // the staff side opens any tie card
    }

    [Fact]
    public async Task An_unknown_handle_is_not_found()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new GetProfile.Query("nobody")));
    }

    [Fact]
    public async Task The_two_members_see_their_tie_card_with_what_built_it()
    {
        await AConversationAsync();

        var card = await SendAsync(new GetTieCard.Query("alice", "bruno"));

        Assert.True(card.Score.Strength > 0);
        var kinds = card.Timeline.Select(m => m.Kind).ToList();
        Assert.Contains(GetTieCard.MomentKind.Reply, kinds);
        Assert.Contains(GetTieCard.MomentKind.Mention, kinds);
        Assert.Contains(GetTieCard.MomentKind.SharedThread, kinds);
        Assert.Contains(GetTieCard.MomentKind.Helped, kinds);
        Assert.Contains(GetTieCard.MomentKind.AcceptedAnswer, kinds);
        Assert.Equal(card.Timeline.OrderByDescending(m => m.At), card.Timeline);
        RunAs(_bruno);
        Assert.Equal(card.Score, (await SendAsync(new GetTieCard.Query("alice", "bruno"))).Score);
        RunAs(_alice);
        Assert.True(Assert.Single((await SendAsync(new GetProfile.Query("alice"))).Ties).MayOpenCard); // the tie on her own profile
    }

    [Fact]
    public async Task Another_member_cannot_see_a_tie_card()
    {
        await AConversationAsync();
        await RunAsNewMemberAsync("Chloe");

        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new GetTieCard.Query("alice", "bruno")));
        RunAsAnonymous();
        await Assert.ThrowsAsync<NotSignedInException>(() => SendAsync(new GetTieCard.Query("alice", "bruno")));
    }

    [Theory]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.Executive)]
    [InlineData(Roles.Moderator)]
    [InlineData(Roles.Admin)]
    public async Task The_companys_people_and_moderators_see_any_tie_card_and_the_dashboard(string role)
    {
        await AConversationAsync();
        await RunAsNewMemberAsync("Quinn", role);

        var card = await SendAsync(new GetTieCard.Query("alice", "bruno"));
        var health = await SendAsync(new GetCommunityHealth.Query());

        Assert.NotEmpty(card.Timeline);
        Assert.Equal(1, health.StrongTies + health.WeakTies);
    }

    [Fact]
    public async Task Members_cannot_see_the_dashboard()
    {
        await AConversationAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new GetCommunityHealth.Query()));
        RunAsAnonymous();
        await Assert.ThrowsAsync<NotSignedInException>(() => SendAsync(new GetCommunityHealth.Query()));
    }

    [Fact]
    public async Task The_dashboard_places_customers_on_the_ladder_and_counts_company_coverage()
    {
        await AConversationAsync();
        await RunAsNewMemberAsync("Chloe");
        await SendAsync(new StartThread.Command { SpaceSlug = "questions", Title = "Alone", Body = "Anyone?", SubmissionId = Guid.NewGuid() });
        await RunAsNewMemberAsync("Morgan", Roles.Moderator);

        var health = await SendAsync(new GetCommunityHealth.Query());

        // Customers: Alice (a strong tie to Bruno, help received, none given), Chloe (alone), Morgan (registered).
        Assert.Equal(3, health.Customers);
        var stage = health.Ladder.ToDictionary(s => s.Stage, s => s.Members);
        Assert.Equal((2, 0, 1, 0), (stage[LadderStage.Transaction], stage[LadderStage.Conversation], stage[LadderStage.Relationship], stage[LadderStage.Community]));
        Assert.Equal((2, 1), (health.ActiveCustomers, health.ActiveCustomersTiedToCompany));
        Assert.Equal("Chloe", Assert.Single(health.Isolated).DisplayName);
        var helper = Assert.Single(health.TopHelpers);
        Assert.Equal(("Bruno", "Staff", 2), (helper.DisplayName, helper.Badge, helper.Count));
        Assert.Equal((2, 1, 1), (health.Threads, health.UnansweredThreads, health.SolvedThreads));
        Assert.Equal(TimeSpan.FromHours(3), health.MedianTimeToFirstResponse);
        Assert.Equal((1, 1), (health.FirstResponses, health.FirstResponsesByCompany));
        Assert.Equal(1, health.StrengthHistogram.Sum());
        Assert.Equal(4, health.Trend.Sum(w => w.Posts));
        Assert.Equal(2, health.Trend.Sum(w => w.Help));
    }
}
