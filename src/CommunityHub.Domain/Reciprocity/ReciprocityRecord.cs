using CommunityHub.Domain.Common;

namespace CommunityHub.Domain.Reciprocity;

/// <summary>The kinds of acknowledgement one member gives another's post.</summary>
public enum ReciprocityKind
{
    /// <summary>"This helped me": the post's author helped the one who says so.</summary>
    Helped = 1,

    /// <summary>A lighter acknowledgement than "helped".</summary>
    Thanks = 2,

    /// <summary>One of the small fixed set of <see cref="Reactions"/>.</summary>
    Reaction = 3,

    /// <summary>The post answers the thread: its author helped the thread's starter.</summary>
    AcceptedAnswer = 4,
}

/// <summary>Who helped whom: <see cref="FromMemberId"/> acknowledges <see cref="ToMemberId"/>'s post. Taking it
/// back keeps the row (<see cref="RetractedAt"/>), so the history that built a tie can be replayed exactly.</summary>
public sealed class ReciprocityRecord : AggregateRoot
{
    private ReciprocityRecord(ReciprocityKind kind, long postId, long threadId, Guid fromMemberId, Guid toMemberId, string? reaction, Guid recordedById, DateTimeOffset createdAt)
    {
        Kind = kind;
        PostId = postId;
        ThreadId = threadId;
        FromMemberId = fromMemberId;
        ToMemberId = toMemberId;
        Reaction = reaction;
        RecordedById = recordedById;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public ReciprocityKind Kind { get; private set; }

    public long PostId { get; private set; }

    public long ThreadId { get; private set; }

    /// <summary>Who acknowledges: the member helped, thanking or reacting; for an accepted answer, the thread's starter.</summary>
    public Guid FromMemberId { get; private set; }

    /// <summary>The post's author, who receives the acknowledgement.</summary>
    public Guid ToMemberId { get; private set; }

    /// <summary>For a reaction: which one (see <see cref="Reactions"/>).</summary>
    public string? Reaction { get; private set; }

    /// <summary>Who pressed the button: the giver, or a moderator accepting an answer for the starter.</summary>
    public Guid RecordedById { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RetractedAt { get; private set; }

    public bool IsActive => RetractedAt is null;

    /// <summary>An acknowledgement of a post by <paramref name="postAuthorId"/> from <paramref name="fromMemberId"/>.
    /// Who may give which is <see cref="Threads.ConversationPolicy"/>'s to say (through <see cref="Threads.Post.Acknowledge"/>
    /// and <see cref="Threads.DiscussionThread.AcceptAnswer"/>); the record keeps only its own shape.</summary>
    internal static ReciprocityRecord Give(ReciprocityKind kind, long postId, long threadId, Guid fromMemberId, Guid postAuthorId, Guid recordedById, DateTimeOffset now, string? reaction = null)
    {
        if (fromMemberId == postAuthorId)
        {
            throw new DomainException("Nobody acknowledges their own post.");
        }

        if (kind == ReciprocityKind.Reaction)
        {
            if (!Reactions.IsKnown(reaction))
            {
                throw new DomainException("That is not one of the reactions.");
            }
        }
        else if (reaction is not null)
        {
            throw new DomainException("Only a reaction names a reaction.");
        }

        var record = new ReciprocityRecord(kind, postId, threadId, fromMemberId, postAuthorId, reaction, recordedById, now);
        record.Record(new ReciprocityGiven(record));
        return record;
    }

    /// <summary>Takes the acknowledgement back. Taking back twice changes nothing.</summary>
    public void Retract(DateTimeOffset now)
    {
        if (RetractedAt is not null)
        {
            return;
        }

        RetractedAt = now;
        Record(new ReciprocityRetracted(this));
    }
}

/// <summary>Someone acknowledged someone else's post (thanks, a reaction, "helped me", an accepted answer): the tie
/// between the two moves, and "helped me" and accepted answers tell the post's author.</summary>
public sealed record ReciprocityGiven(ReciprocityRecord Record) : IDomainEvent;

/// <summary>An acknowledgement was taken back: the tie loses exactly what the record gave it.</summary>
public sealed record ReciprocityRetracted(ReciprocityRecord Record) : IDomainEvent;
