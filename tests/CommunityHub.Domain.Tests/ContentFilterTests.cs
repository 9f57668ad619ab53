using CommunityHub.Domain.Safety;

namespace CommunityHub.Domain.Tests;

public sealed class ContentFilterTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private static WatchedWord Pattern(string pattern, WatchedWordAction action, string? replacement = null) =>
        WatchedWord.Create(Guid.NewGuid(), pattern, isPattern: true, action, replacement, message: null, Now);

    [Fact]
    public void A_replace_pattern_rewrites_the_body_and_holds_nothing()
    {
        var outcome = ContentFilter.Apply("Printing", "This d4mn printer jams, damnation aside", [Pattern(@"\bd[a4]mn\b", WatchedWordAction.Replace, "darn")], []);

        Assert.Equal("This darn printer jams, damnation aside", outcome.Body);
        Assert.Null(outcome.Refusal);
        Assert.Empty(outcome.Holds);
    }

    [Fact]
    public void A_pattern_that_backtracks_without_end_holds_the_post_for_a_moderator_instead_of_hanging_the_form()
    {
        var outcome = ContentFilter.Apply("Title", new string('a', 40) + "!", [Pattern("^(a+)+$", WatchedWordAction.RequireApproval)], []);

        var held = Assert.Single(outcome.Holds);
        Assert.Contains("took too long to check", held, StringComparison.Ordinal);
        Assert.Null(outcome.Refusal);
    }
}
