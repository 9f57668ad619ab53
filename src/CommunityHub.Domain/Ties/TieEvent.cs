namespace CommunityHub.Domain.Ties;

/// <summary>What happened between two members that bears on their tie.</summary>
public enum TieEventKind
{
    /// <summary>A reply from one to the other (to their thread, or to one of their posts).</summary>
    DirectReply,

    /// <summary>An @mention of the other in a post.</summary>
    Mention,

    /// <summary>The two took part in the same (small enough) thread.</summary>
    SharedThread,

    Reaction,

    Thanks,

    /// <summary>"This helped me": <see cref="TieEvent.From"/> says <see cref="TieEvent.To"/>'s reply helped them.</summary>
    Helped,

    /// <summary><see cref="TieEvent.To"/>'s reply was accepted as the answer to <see cref="TieEvent.From"/>'s thread.</summary>
    AcceptedAnswer,
}

/// <summary>One interaction, directed from <see cref="From"/> to <see cref="To"/>. A retraction (taking back
/// "this helped me", un-accepting an answer, removing a reaction) subtracts exactly what the original added.</summary>
/// <param name="Words">For a direct reply: the words it carried.</param>
/// <param name="IsTurn">For a direct reply: it answers a post that was addressed to its author (a back-and-forth turn).</param>
/// <param name="Participants">For a shared thread: how many took part when the later of the two joined.</param>
public sealed record TieEvent(
    TieEventKind Kind,
    Guid From,
    Guid To,
    DateTimeOffset At,
    int Words = 0,
    bool IsTurn = false,
    int Participants = 0,
    bool IsRetraction = false)
{
    public MemberPair Pair => MemberPair.Of(From, To);

    public static TieEvent DirectReply(Guid from, Guid to, DateTimeOffset at, int words, bool isTurn) =>
        new(TieEventKind.DirectReply, from, to, at, Words: words, IsTurn: isTurn);

    public static TieEvent Mention(Guid from, Guid to, DateTimeOffset at) => new(TieEventKind.Mention, from, to, at);

    public static TieEvent SharedThread(Guid joiner, Guid other, DateTimeOffset at, int participants) =>
        new(TieEventKind.SharedThread, joiner, other, at, Participants: participants);

    public static TieEvent Reaction(Guid from, Guid to, DateTimeOffset at) => new(TieEventKind.Reaction, from, to, at);

    public static TieEvent Thanks(Guid from, Guid to, DateTimeOffset at) => new(TieEventKind.Thanks, from, to, at);

    public static TieEvent Helped(Guid helped, Guid helper, DateTimeOffset at) => new(TieEventKind.Helped, helped, helper, at);

    public static TieEvent AcceptedAnswer(Guid asker, Guid answerer, DateTimeOffset at) => new(TieEventKind.AcceptedAnswer, asker, answerer, at);

    /// <summary>Takes this event back: its weight, decayed from when it happened, is subtracted.</summary>
    public TieEvent Retracted() => this with { IsRetraction = true };
}
