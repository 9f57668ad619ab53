using CommunityHub.Domain.Escalation;

namespace CommunityHub.Application.Escalation;

/// <summary>The thread's support case as staff see it on the thread page. It is read in the thread page's own header
/// statement (<see cref="Threads.GetThread"/>) and only for those who may escalate; nobody else learns anything of it,
/// not even that there is one.</summary>
public static class GetEscalation
{
    /// <param name="Case">The latest escalation; null when the thread never was.</param>
    /// <param name="DeskConnected">Whether there is a desk to escalate to.</param>
    public sealed record Panel(CaseStatus? Case, bool DeskConnected)
    {
        /// <summary>Offer "Escalate" (a first time, again after a solved case) or "Retry" (after a failure).</summary>
        public bool MayEscalate => DeskConnected && Case is null or { Status: EscalationStatus.Solved or EscalationStatus.Failed };
    }

    public sealed record CaseStatus(EscalationStatus Status, string? CaseId, string? CaseUrl, string? LastError, int Attempts, DateTimeOffset EscalatedAt);
}
