using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;

namespace CommunityHub.Domain.Ideas;

/// <summary>What makes a thread of an Ideas space an idea: its votes (counted here, one row per voter in
/// <see cref="IdeaVote"/>), the status the company gave it with a public note, and where a duplicate was merged.
/// One per thread, keyed by the thread's id; made on the first vote or status change if the thread was not
/// started as an idea (a space turned into an Ideas space later).</summary>
public sealed class Idea : AggregateRoot
{
    public const int StatusNoteMaxLength = 2000;

    private Idea(long threadId, Guid authorId)
    {
        ThreadId = threadId;
        AuthorId = authorId;
        Status = IdeaStatus.New;
    }

    public long ThreadId { get; private set; }

    /// <summary>Who started the thread: the one a vote or a status update reaches in the ties.</summary>
    public Guid AuthorId { get; private set; }

    /// <summary>Members who vote for it now (denormalised for the lists; the votes are the truth).</summary>
    public int VoteCount { get; private set; }

    public IdeaStatus Status { get; private set; }

    /// <summary>The company's public word with the latest status: shown on the idea as an official update.</summary>
    public string? StatusNote { get; private set; }

    public DateTimeOffset? StatusChangedAt { get; private set; }

    public Guid? StatusChangedById { get; private set; }

    /// <summary>The idea this duplicate was merged into: it takes no votes and no status of its own any more.</summary>
    public long? MergedIntoThreadId { get; private set; }

    public static Idea Of(long threadId, Guid authorId) => new(threadId, authorId);

    /// <summary><paramref name="voter"/> votes for the idea; null when they vote for it already (a second vote is
    /// still one vote: a double click, two tabs). A suspended or banned member does not vote: their
    /// <paramref name="standing"/> refuses it as it refuses their posts.</summary>
    public IdeaVote? Vote(Viewer voter, Standing standing, bool votedAlready, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(voter);
        ArgumentNullException.ThrowIfNull(standing);
        var voterId = voter.MemberId ?? throw new ForbiddenException("Sign in to vote.");
        standing.ToWrite(now).Enforce();
        EnsureNotMerged("vote for");
        if (votedAlready)
        {
            return null;
        }

        VoteCount++;
        var vote = new IdeaVote(ThreadId, voterId, now);
        Record(new IdeaVoted(ThreadId, voterId, AuthorId, now));
        return vote;
    }

    /// <summary>The voter takes their vote back; false when they had none (withdrawn twice is withdrawn once).</summary>
    public bool Withdraw(Viewer voter, IdeaVote? vote, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(voter);
        var voterId = voter.MemberId ?? throw new ForbiddenException("Sign in to vote.");
        if (vote is null)
        {
            return false;
        }

        if (vote.MemberId != voterId || vote.ThreadId != ThreadId || vote.WithdrawnAt is not null)
        {
            throw new ForbiddenException("That is not your vote.");
        }

        vote.Withdraw(now);
        VoteCount--;
        Record(new IdeaVoteWithdrawn(ThreadId, voterId, AuthorId, vote.CastAt, now));
        return true;
    }

    /// <summary>Someone speaking for the company sets the idea's status, with a public note; the change is recorded
    /// in the history (<see cref="IdeaStatusChange"/>) that the idea page shows as official updates.</summary>
    public IdeaStatusChange SetStatus(Viewer staff, IdeaStatus status, string? note, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(staff);
        if (!staff.SpeaksForTheCompany)
        {
            throw new ForbiddenException("Only staff, executives and admins set an idea's status.");
        }

        if (!Enum.IsDefined(status))
        {
            throw new DomainException("Choose one of the statuses.");
        }

        EnsureNotMerged("change the status of");
        var trimmed = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (trimmed?.Length > StatusNoteMaxLength)
        {
            throw new DomainException($"A status note is at most {StatusNoteMaxLength} characters.");
        }

        if (status == Status && trimmed == StatusNote)
        {
            throw new DomainException("The idea has that status and note already.");
        }

        var from = Status;
        Status = status;
        StatusNote = trimmed;
        StatusChangedAt = now;
        StatusChangedById = staff.MemberId;
        Record(new IdeaStatusChanged(ThreadId, AuthorId, from, status, trimmed, staff.MemberId!.Value, now));
        return new IdeaStatusChange(ThreadId, from, status, trimmed, staff.MemberId!.Value, now);
    }

    /// <summary>A moderator merges this duplicate into <paramref name="original"/> (an idea of the same space):
    /// its votes move, except a member's who votes for the original already (nobody is counted twice). Returns the
    /// votes the original gains, for the caller to add; this idea's <paramref name="votes"/> are withdrawn (kept, as
    /// every vote is, so that the ties can be replayed from them).</summary>
    public IReadOnlyList<IdeaVote> MergeInto(
        Idea original, Viewer moderator, int spaceId, int originalSpaceId,
        IReadOnlyCollection<IdeaVote> votes, IReadOnlySet<Guid> originalVoters, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(moderator);
        ArgumentNullException.ThrowIfNull(votes);
        ArgumentNullException.ThrowIfNull(originalVoters);
        if (!moderator.Moderates)
        {
            throw new ForbiddenException("Only moderators merge ideas.");
        }

        if (original.ThreadId == ThreadId)
        {
            throw new DomainException("An idea cannot be merged into itself.");
        }

        if (spaceId != originalSpaceId)
        {
            throw new DomainException("Ideas merge only within one space: move the thread first if it belongs in the other one.");
        }

        EnsureNotMerged("merge");
        if (original.MergedIntoThreadId is { } further)
        {
            throw new DomainException($"That idea was itself merged into another (thread {further}): merge into that one.");
        }

        var moved = votes
            .Where(v => !originalVoters.Contains(v.MemberId))
            .Select(v => new IdeaVote(original.ThreadId, v.MemberId, v.CastAt))
            .ToList();
        foreach (var vote in votes)
        {
            vote.Withdraw(now);
        }

        original.VoteCount += moved.Count;
        VoteCount = 0;
        MergedIntoThreadId = original.ThreadId;
        Record(new IdeasMerged(ThreadId, AuthorId, original.ThreadId, original.AuthorId, moderator.MemberId!.Value,
            [.. votes.Select(v => (v.MemberId, v.CastAt))], [.. moved.Select(v => (v.MemberId, v.CastAt))], now));
        return moved;
    }

    private void EnsureNotMerged(string what)
    {
        if (MergedIntoThreadId is not null)
        {
            throw new DomainException($"This idea was merged into another: {what} that one instead.");
        }
    }
}

/// <summary>One member's vote for one idea (one standing vote per member and idea). A withdrawn vote is kept with
/// the time it was taken back: the ties replay every vote given and taken back.</summary>
public sealed class IdeaVote
{
    public IdeaVote(long threadId, Guid memberId, DateTimeOffset castAt)
    {
        ThreadId = threadId;
        MemberId = memberId;
        CastAt = castAt;
    }

    public long ThreadId { get; private set; }

    public Guid MemberId { get; private set; }

    /// <summary>When it was cast (kept when a merge moves it): trending counts the last 30 days.</summary>
    public DateTimeOffset CastAt { get; private set; }

    public long Id { get; private set; }

    /// <summary>When the voter took it back (or a merge moved it to the original); null while it stands.</summary>
    public DateTimeOffset? WithdrawnAt { get; private set; }

    internal void Withdraw(DateTimeOffset now) => WithdrawnAt ??= now;
}

/// <summary>One status change, kept: the idea page shows the company's updates, the ties replay them.</summary>
public sealed class IdeaStatusChange
{
    internal IdeaStatusChange(long threadId, IdeaStatus from, IdeaStatus to, string? note, Guid changedById, DateTimeOffset at)
    {
        ThreadId = threadId;
        From = from;
        To = to;
        Note = note;
        ChangedById = changedById;
        At = at;
    }

    public long Id { get; private set; }

    public long ThreadId { get; private set; }

    public IdeaStatus From { get; private set; }

    public IdeaStatus To { get; private set; }

    public string? Note { get; private set; }

    public Guid ChangedById { get; private set; }

    public DateTimeOffset At { get; private set; }
}

/// <summary>A member voted for an idea started by <see cref="AuthorId"/>.</summary>
public sealed record IdeaVoted(long ThreadId, Guid VoterId, Guid AuthorId, DateTimeOffset At) : IDomainEvent;

/// <summary>A member took back the vote they cast at <see cref="CastAt"/>.</summary>
public sealed record IdeaVoteWithdrawn(long ThreadId, Guid VoterId, Guid AuthorId, DateTimeOffset CastAt, DateTimeOffset At) : IDomainEvent;

/// <summary>Someone of the company moved an idea from one status to another, with a public note.</summary>
public sealed record IdeaStatusChanged(long ThreadId, Guid AuthorId, IdeaStatus From, IdeaStatus To, string? Note, Guid ChangedById, DateTimeOffset At) : IDomainEvent;

/// <summary>A duplicate was merged into its original: <see cref="Removed"/> are the duplicate's votes (gone from it),
/// <see cref="Moved"/> those the original gained (with the time each was first cast).</summary>
public sealed record IdeasMerged(
    long ThreadId, Guid AuthorId, long IntoThreadId, Guid IntoAuthorId, Guid ModeratorId,
    IReadOnlyList<(Guid MemberId, DateTimeOffset CastAt)> Removed,
    IReadOnlyList<(Guid MemberId, DateTimeOffset CastAt)> Moved,
    DateTimeOffset At) : IDomainEvent;
