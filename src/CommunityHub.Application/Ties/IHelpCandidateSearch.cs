namespace CommunityHub.Application.Ties;

/// <summary>Who has had help confirmed ("this helped me", an accepted answer) in threads like this one: PostgreSQL's
/// full-text ranking between the thread and each helped thread, in Infrastructure; this is all routing needs of it.</summary>
public interface IHelpCandidateSearch
{
    /// <summary>Helpers other than the thread's starter, best matches first, with what they helped with.</summary>
    Task<IReadOnlyList<HelpHistory>> CandidatesAsync(long threadId, int limit, CancellationToken cancellationToken);
}

/// <param name="Similarity">Σ of full-text rank between the thread and the threads where their help was confirmed.</param>
/// <param name="HelpInSpace">Their confirmed help in the thread's space.</param>
public sealed record HelpHistory(Guid MemberId, double Similarity, int HelpInSpace, DateTimeOffset LastHelpAt);
