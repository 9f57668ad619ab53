using CommunityHub.Domain.Ties;
using CommunityHub.Domain.Common;
using CommunityHub.Application.Members;
using CommunityHub.Application.Threads;
using CommunityHub.Application.Ties;
using CommunityHub.Domain.Members;

namespace CommunityHub.Application.Tests.Ties;

/// <summary>Who sees a member's ties: the member and the staff side see scores; others at most the names of the
/// people the member often talks with, if they chose to show them; a tie card only the pair and the staff side.</summary>
public sealed class TieVisibilityTests(CommunityFixture fixture) : ApplicationTest(fixture)
{
    private Guid _alice;
    private Guid _bruno;

    private async Task AliceAndBrunoTalkAsync()
    {
        await CreateSpaceAsync();
        _alice = await RunAsNewMemberAsync("Alice");
        var thread = await SendAsync(new StartThread.Command { SpaceSlug = "questions", Title = "Exporting", Body = "How do I export?", SubmissionId = Guid.NewGuid() });
        _bruno = await RunAsNewMemberAsync("Bruno");
        await SendAsync(new ReplyToThread.Command { SpaceSlug = "questions", ThreadId = thread.ThreadId, Body = "Settings, then export.", SubmissionId = Guid.NewGuid() });
        RunAs(_alice);
        await SendAsync(new ReplyToThread.Command { SpaceSlug = "questions", ThreadId = thread.ThreadId, Body = "That worked, thank you!", SubmissionId = Guid.NewGuid() });
    }

    [Fact]
    public async Task An_anonymous_visitor_sees_no_ties_on_a_profile()
    {
        await AliceAndBrunoTalkAsync();
        RunAsAnonymous();

        var profile = await SendAsync(new GetProfile.Query("alice"));

        Assert.Equal(TieDetail.None, profile.TieDetail);
        Assert.Empty(profile.Ties);
        Assert.Empty(profile.FrequentContacts);
    }

    [Fact]
    public async Task Another_member_sees_no_ties_on_a_profile_not_even_their_own_tie_with_the_member()
    {
        await AliceAndBrunoTalkAsync();
        await RunAsNewMemberAsync("Chloe");
        var byChloe = await SendAsync(new GetProfile.Query("alice"));
        RunAs(_bruno);
        var byBruno = await SendAsync(new GetProfile.Query("alice"));

        Assert.Equal(TieDetail.None, byChloe.TieDetail);
        Assert.Empty(byChloe.Ties);
        Assert.Equal(TieDetail.None, byBruno.TieDetail);
        Assert.Empty(byBruno.Ties);
    }

    [Fact]
    public async Task The_member_sees_their_own_scored_ties()
    {
        await AliceAndBrunoTalkAsync();
        RunAs(_alice);

        var profile = await SendAsync(new GetProfile.Query("alice"));

        Assert.Equal(TieDetail.Scored, profile.TieDetail);
        var tie = Assert.Single(profile.Ties);
        Assert.Equal("bruno", tie.Handle);
        Assert.True(tie.Score.Strength > 0);
        Assert.True(tie.MayOpenCard);
    }

    [Theory]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.Executive)]
    [InlineData(Roles.Moderator)]
    [InlineData(Roles.Admin)]
    public async Task The_staff_side_sees_a_members_scored_ties_and_any_tie_card(string role)
    {
        await AliceAndBrunoTalkAsync();
        await RunAsNewMemberAsync("Quinn", role);

        var profile = await SendAsync(new GetProfile.Query("alice"));
        var card = await SendAsync(new GetTieCard.Query("alice", "bruno"));

        Assert.Equal(TieDetail.Scored, profile.TieDetail);
        Assert.Single(profile.Ties);
        Assert.True(card.Score.Strength > 0);
    }

    [Fact]
    public async Task Others_see_the_names_of_people_a_member_often_talks_with_once_the_member_opts_in_and_no_scores()
    {
        await AliceAndBrunoTalkAsync();
        RunAs(_alice);
        await SendAsync(new ShowFrequentContacts.Command(true));
        await RunAsNewMemberAsync("Chloe");

        var byChloe = await SendAsync(new GetProfile.Query("alice"));
        RunAsAnonymous();
        var anonymously = await SendAsync(new GetProfile.Query("alice"));

        Assert.Equal(TieDetail.FrequentContacts, byChloe.TieDetail);
        Assert.Empty(byChloe.Ties);
        Assert.Equal("bruno", Assert.Single(byChloe.FrequentContacts).Handle);
        Assert.Equal(TieDetail.FrequentContacts, anonymously.TieDetail);
        Assert.Empty(anonymously.Ties);

        RunAs(_alice);
        await SendAsync(new ShowFrequentContacts.Command(false));
        RunAsAnonymous();
        Assert.Equal(TieDetail.None, (await SendAsync(new GetProfile.Query("alice"))).TieDetail);
    }

    [Fact]
    public async Task Each_of_the_pair_sees_their_tie_card_and_nobody_else_outside_the_staff_side()
    {
        await AliceAndBrunoTalkAsync();
        RunAs(_alice);
        var byAlice = await SendAsync(new GetTieCard.Query("alice", "bruno"));
        RunAs(_bruno);
        var byBruno = await SendAsync(new GetTieCard.Query("alice", "bruno"));
        await RunAsNewMemberAsync("Chloe");

        Assert.True(byAlice.Score.Strength > 0);
        Assert.Equal(byAlice.Score, byBruno.Score);
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new GetTieCard.Query("alice", "bruno")));
        RunAsAnonymous();
        await Assert.ThrowsAnyAsync<Exception>(() => SendAsync(new GetTieCard.Query("alice", "bruno")));
    }
}
