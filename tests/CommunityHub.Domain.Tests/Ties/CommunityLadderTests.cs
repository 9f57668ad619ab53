using CommunityHub.Domain.Ties;

namespace CommunityHub.Domain.Tests.Ties;

public sealed class CommunityLadderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(false, 0, false, false, LadderStage.Transaction)]
    [InlineData(true, 0, true, true, LadderStage.Conversation)]
    [InlineData(true, 1, false, false, LadderStage.Relationship)]
    [InlineData(true, 5, true, false, LadderStage.Relationship)]
    [InlineData(true, 2, true, true, LadderStage.Relationship)]
    [InlineData(true, 3, true, true, LadderStage.Community)]
    public void A_member_stands_at_the_highest_stage_reached(bool exchanged, int strongTies, bool gave, bool received, LadderStage stage) =>
        Assert.Equal(stage, CommunityLadder.StageOf(new LadderFacts(exchanged, strongTies, gave, received)));

    [Fact]
    public void Help_returned_within_the_window_counts_as_reciprocated()
    {
        var (ann, ben, cy) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var help = new[]
        {
            new HelpGiven(ann, ben, Now.AddDays(-200)), // returned 30 days later
            new HelpGiven(ben, ann, Now.AddDays(-170)), // ann did not help ben again after this: judged, not returned
            new HelpGiven(ann, cy, Now.AddDays(-150)),  // never returned, window closed
            new HelpGiven(cy, ben, Now.AddDays(-10)),   // window still open: not judged yet
        };

        var (judged, returned, rate) = Reciprocation.Rate(help, TimeSpan.FromDays(90), Now);

        Assert.Equal(3, judged);
        Assert.Equal(1, returned);
        Assert.Equal(1.0 / 3, rate!.Value, 9);
    }

    [Fact]
    public void Without_help_there_is_no_rate() =>
        Assert.Null(Reciprocation.Rate([], TimeSpan.FromDays(90), Now).Rate);
}
