namespace CommunityHub.Domain.Ties;

/// <summary>What one post tells about ties, in facts the caller looked up. The write path and the rebuild
/// both derive events through <see cref="TieRules"/>, so they cannot disagree on the rules.</summary>
/// <param name="Addressee">Whom the post answers (see <see cref="TieRules.Addressee"/>), if anyone.</param>
/// <param name="AnsweredPostAddressee">Whom the answered post was itself addressed to: when that is this
/// post's author, the post is a back-and-forth turn.</param>
/// <param name="EarlierParticipants">Everyone who posted in the thread before, not counting the author, in order of joining.</param>
/// <param name="AuthorIsNewParticipant">The author's first post in the thread.</param>
public sealed record PostFacts(
    Guid Author,
    DateTimeOffset At,
    int Words,
    Guid? Addressee,
    Guid? AnsweredPostAddressee,
    IReadOnlyCollection<Guid> Mentioned,
    IReadOnlyCollection<Guid> EarlierParticipants,
    bool AuthorIsNewParticipant);

public static class TieRules
{
    /// <summary>Whom a post answers. A reply to a post answers its author; a reply to the thread answers the
    /// starter; the starter's own reply to the thread answers the latest earlier post by someone else
    /// (how a flat conversation reads). Nobody, for an opening post or a post that answers its own author.</summary>
    public static Guid? Addressee(Guid author, Guid? threadStarter, Guid? parentAuthor, Guid? latestOtherAuthor)
    {
        var addressee = parentAuthor ?? (threadStarter is { } starter && starter != author ? starter : latestOtherAuthor);
        return addressee == author ? null : addressee;
    }

    /// <summary>The tie events a post creates: a direct reply to its addressee, a mention of each member it
    /// mentions, and — on the author's first post in a small enough thread — a shared thread with everyone already there.</summary>
    public static IReadOnlyList<TieEvent> ForPost(PostFacts post, TieOptions options)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(options);
        var events = new List<TieEvent>();
        if (post.Addressee is { } addressee && addressee != post.Author)
        {
            events.Add(TieEvent.DirectReply(post.Author, addressee, post.At, post.Words, isTurn: post.AnsweredPostAddressee == post.Author));
        }

        foreach (var mentioned in post.Mentioned.Distinct().Where(m => m != post.Author))
        {
            events.Add(TieEvent.Mention(post.Author, mentioned, post.At));
        }

        if (post.AuthorIsNewParticipant)
        {
            var others = post.EarlierParticipants.Where(p => p != post.Author).Distinct().ToList();
            var participants = others.Count + 1;
            if (participants >= 2 && participants <= options.SharedThreadMaxParticipants)
            {
                events.AddRange(others.Select(other => TieEvent.SharedThread(post.Author, other, post.At, participants)));
            }
        }

        return events;
    }

    /// <summary>Words in a post's Markdown: runs of text holding at least one letter or digit.</summary>
    public static int CountWords(string? text) =>
        string.IsNullOrEmpty(text) ? 0
        : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));
}
