using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Escalation;
using CommunityHub.Domain.Threads;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Escalation;

/// <summary>The thread's support case as staff see it on the thread page. Nobody else learns anything of it (null),
/// not even that there is one.</summary>
public static class GetEscalation
{
    public sealed record Query(long ThreadId) : IRequest<Panel?>;

    /// <param name="Case">The latest escalation; null when the thread never was.</param>
    /// <param name="DeskConnected">Whether there is a desk to escalate to.</param>
    public sealed record Panel(CaseStatus? Case, bool DeskConnected)
    {
        /// <summary>Offer "Escalate" (a first time, again after a solved case) or "Retry" (after a failure).</summary>
        public bool MayEscalate => DeskConnected && Case is null or { Status: EscalationStatus.Solved or EscalationStatus.Failed };
    }

    public sealed record CaseStatus(EscalationStatus Status, string? CaseId, string? CaseUrl, string? LastError, int Attempts, DateTimeOffset EscalatedAt);

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser) : IRequestHandler<Query, Panel?>
    {
        public async Task<Panel?> Handle(Query request, CancellationToken cancellationToken)
        {
            if (!ConversationPolicy.Escalate(currentUser.Viewer()).IsAllowed)
            {
                return null;
            }

            // One statement: the latest case and whether a desk is connected.
            var panel = await db.SupportDesks.AsNoTracking().Select(d => (int?)d.Id).DefaultIfEmpty()
                .Select(desk => new
                {
                    Connected = desk != null,
                    Case = db.Escalations.Where(e => e.ThreadId == request.ThreadId).OrderByDescending(e => e.Id)
                        .Select(e => new CaseStatus(e.Status, e.CaseId, e.CaseUrl, e.LastError, e.Attempts, e.EscalatedAt)).FirstOrDefault(),
                })
                .FirstAsync(cancellationToken);
            return new Panel(panel.Case, panel.Connected);
        }
    }
}
