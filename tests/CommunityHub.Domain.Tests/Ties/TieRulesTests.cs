using CommunityHub.Domain.Ties;

namespace CommunityHub.Domain.Tests.Ties;

public sealed class TieRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Starter = Guid.NewGuid();
    private static readonly Guid Replier = Guid.NewGuid();
    private static readonly Guid Third = Guid.NewGuid();

    [Fact]
    public void A_reply_to_a_post_addresses_its_author_and_a_reply_to_the_thread_addresses_the_starter()
    {
        Assert.Equal(Third, TieRules.Addressee(Replier, Starter, parentAuthor: Third, latestOtherAuthor: Starter));
        Assert.Equal(Starter, TieRules.Addressee(Replier, Starter, parentAuthor: null, latestOtherAuthor: Third));
    }

    [Fact]
    public void The_starters_own_reply_to_the_thread_answers_the_latest_post_by_someone_else()
    {
        Assert.Equal(Replier, TieRules.Addressee(Starter, Starter, parentAuthor: null, latestOtherAuthor: Replier));
        Assert.Null(TieRules.Addressee(Starter, Starter, parentAuthor: null, latestOtherAuthor: null));
    }

    [Fact]
    public void Answering_yourself_addresses_nobody() =>
        Assert.Null(TieRules.Addressee(Replier, Starter, parentAuthor: Replier, latestOtherAuthor: Starter));

    [Fact]
    public void A_reply_makes_a_direct_reply_with_its_words_and_a_turn_when_it_answers_a_post_addressed_to_its_author()
    {
        var events = TieRules.ForPost(new PostFacts(Replier, Now, 12, Starter, AnsweredPostAddressee: Replier, [], [Starter], AuthorIsNewParticipant: false), TieOptions.Default);

        var reply = Assert.Single(events);
        Assert.Equal((TieEventKind.DirectReply, Replier, Starter, 12, true), (reply.Kind, reply.From, reply.To, reply.Words, reply.IsTurn));
    }

    [Fact]
    public void Mentions_count_once_each_and_never_the_author()
    {
        var events = TieRules.ForPost(new PostFacts(Replier, Now, 3, null, null, [Third, Third, Replier], [], AuthorIsNewParticipant: false), TieOptions.Default);

        var mention = Assert.Single(events);
        Assert.Equal((TieEventKind.Mention, Replier, Third), (mention.Kind, mention.From, mention.To));
    }

    [Fact]
    public void Joining_a_thread_shares_it_with_everyone_already_there()
    {
        var events = TieRules.ForPost(new PostFacts(Replier, Now, 3, Starter, null, [], [Starter, Third], AuthorIsNewParticipant: true), TieOptions.Default);

        var shared = events.Where(e => e.Kind == TieEventKind.SharedThread).ToList();
        Assert.Equal([Starter, Third], shared.Select(e => e.To));
        Assert.All(shared, e => Assert.Equal(3, e.Participants));
    }

    [Fact]
    public void Posting_again_in_a_thread_shares_nothing_new()
    {
        var events = TieRules.ForPost(new PostFacts(Replier, Now, 3, Starter, null, [], [Starter, Third], AuthorIsNewParticipant: false), TieOptions.Default);

        Assert.DoesNotContain(events, e => e.Kind == TieEventKind.SharedThread);
    }

    [Fact]
    public void A_crowded_thread_shares_nothing()
    {
        var crowd = Enumerable.Range(0, TieOptions.Default.SharedThreadMaxParticipants).Select(_ => Guid.NewGuid()).ToList();

        var events = TieRules.ForPost(new PostFacts(Replier, Now, 3, null, null, [], crowd, AuthorIsNewParticipant: true), TieOptions.Default);

        Assert.Empty(events);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("Hello there, friend!", 3)]
    [InlineData("  - list item\n\n```\ncode\n```  ", 3)]
    public void Words_are_runs_holding_a_letter_or_digit(string text, int words) =>
        Assert.Equal(words, TieRules.CountWords(text));
}
