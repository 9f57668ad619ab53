using CommunityHub.Domain.Ties;

namespace CommunityHub.Domain.Threads;

/// <summary>An earlier post of the thread, as far as placing a new one needs it: who wrote it and whom it answered.</summary>
public sealed record EarlierPost(Guid AuthorId, Guid? AddressedToId);

/// <summary>What the thread looked like before a new reply, read under the thread's lock (so no other reply can
/// slip in between): the post the reply answers, if one was chosen; the latest post by someone other than the
/// author and the starter's latest post (one of which the reply answers otherwise); and who took part so far.</summary>
/// <param name="EarlierParticipants">Who posted in the thread before, in order of joining (at most as many as the
/// shared-thread rule looks at, plus one).</param>
/// <param name="AuthorChoseHowToFollow">The author watches or muted the thread already (taking part watches it otherwise).</param>
public sealed record ThreadSoFar(
    EarlierPost? Parent,
    EarlierPost? LatestByAnother,
    EarlierPost? LatestByStarter,
    IReadOnlyList<Guid> EarlierParticipants,
    bool AuthorTookPart,
    bool AuthorChoseHowToFollow);

/// <summary>Where a reply stands in the conversation: whom it answers, whether it answers a post addressed to its
/// own author (a back-and-forth turn), whose post it replies to, and whether its author joins the thread with it.</summary>
public sealed record ReplyPlacement(
    Guid? AddresseeId,
    Guid? AnsweredPostAddresseeId,
    Guid? ParentAuthorId,
    IReadOnlyList<Guid> EarlierParticipants,
    bool AuthorIsNewParticipant)
{
    /// <summary>Places a reply by <paramref name="authorId"/> in a thread started by <paramref name="starterId"/>,
    /// by <see cref="TieRules.Addressee"/>; the rebuild replays history through this same method.</summary>
    public static ReplyPlacement Of(Guid authorId, Guid starterId, ThreadSoFar soFar)
    {
        ArgumentNullException.ThrowIfNull(soFar);
        var latestOther = soFar.Parent is null && authorId == starterId ? soFar.LatestByAnother : null;
        var addressee = TieRules.Addressee(authorId, starterId, soFar.Parent?.AuthorId, latestOther?.AuthorId);
        // The post this one answers: the chosen one, or else the addressee's latest post in the thread.
        var answered = soFar.Parent is { } parent ? parent.AddressedToId
            : addressee is null ? null
            : addressee == latestOther?.AuthorId ? latestOther.AddressedToId
            : addressee == starterId ? soFar.LatestByStarter?.AddressedToId
            : null;
        return new ReplyPlacement(addressee, answered, soFar.Parent?.AuthorId, soFar.EarlierParticipants, !soFar.AuthorTookPart);
    }
}
