using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Escalation;

/// <summary>The desk answered with a case: the escalation is open, and its asker hears that the company took the
/// question up (<see cref="NotifyAskerOfEscalation"/>). Sent by the escalation sender, never by a page.</summary>
public static class RecordCaseOpened
{
    public sealed record Command(long EscalationId, string CaseId, string? CaseUrl) : ICommand<Unit>;

    public sealed class Handler(ICommunityDb db, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var escalation = await db.Escalations.FirstAsync(e => e.Id == request.EscalationId, cancellationToken);
            escalation.Opened(request.CaseId, request.CaseUrl, clock.GetUtcNow());
            return Unit.Value;
        }
    }
}
