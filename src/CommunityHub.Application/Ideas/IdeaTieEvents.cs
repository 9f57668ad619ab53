using CommunityHub.Domain.Ideas;
using CommunityHub.Domain.Ties;

namespace CommunityHub.Application.Ideas;

/// <summary>What ideas mean for the ties, for the write path (<see cref="Ties.TieBookkeeping"/>) and the replay
/// (<see cref="Ties.RebuildTies"/>) alike. A vote is the voter's appreciation of the idea's author (weighed as a
/// reaction); a status update with its note is the company answering the author (weighed as a direct reply of
/// the note's words). Nothing between a member and themselves.</summary>
public static class IdeaTieEvents
{
    public static IEnumerable<TieEvent> Vote(Guid voterId, Guid authorId, DateTimeOffset castAt) =>
        voterId == authorId ? [] : [TieEvent.Reaction(voterId, authorId, castAt)];

    public static IEnumerable<TieEvent> StatusUpdate(Guid staffId, Guid authorId, string? note, DateTimeOffset at) =>
        staffId == authorId ? [] : [TieEvent.DirectReply(staffId, authorId, at, TieRules.CountWords(note ?? string.Empty), isTurn: false)];

    public static IEnumerable<TieEvent> Of(IdeaVoted voted) => Vote(voted.VoterId, voted.AuthorId, voted.At);

    public static IEnumerable<TieEvent> Of(IdeaVoteWithdrawn withdrawn) =>
        Vote(withdrawn.VoterId, withdrawn.AuthorId, withdrawn.CastAt).Select(e => e.Retracted());

    public static IEnumerable<TieEvent> Of(IdeaStatusChanged changed) => StatusUpdate(changed.ChangedById, changed.AuthorId, changed.Note, changed.At);

    /// <summary>The duplicate's votes leave its author and reach the original's (as cast, at the time they were cast).</summary>
    public static IEnumerable<TieEvent> Of(IdeasMerged merged) =>
        merged.Removed.SelectMany(v => Vote(v.MemberId, merged.AuthorId, v.CastAt).Select(e => e.Retracted()))
            .Concat(merged.Moved.SelectMany(v => Vote(v.MemberId, merged.IntoAuthorId, v.CastAt)));
}
