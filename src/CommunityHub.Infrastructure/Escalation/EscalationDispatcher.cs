using CommunityHub.Application.Escalation;
using CommunityHub.Domain.Escalation;
using CommunityHub.Infrastructure.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityHub.Infrastructure.Escalation;

/// <summary>Sends the escalations that are due, as <see cref="Email.EmailDispatcher"/> sends e-mail: each instance claims a
/// batch with <c>FOR UPDATE SKIP LOCKED</c> and a lease, so two never send the same one and one that dies mid-batch
/// only delays it. A failure is recorded and retried with backoff; after <see cref="EscalationOptions.MaxAttempts"/>
/// the escalation is marked failed for staff to see and retry.</summary>
public sealed class EscalationDispatcher(
    CommunityDbContext db,
    DeskClient desk,
    IMediator mediator,
    IOptions<EscalationOptions> options,
    TimeProvider clock,
    ILogger<EscalationDispatcher> logger)
{
    /// <returns>How many escalations it claimed (sent or not).</returns>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var leaseEnd = now + settings.Lease;
        var batch = settings.BatchSize;
        var pending = nameof(EscalationStatus.Pending);
        var claimed = await db.Escalations
            .FromSql(
                $"""
                UPDATE thread_escalations SET locked_until = {leaseEnd}
                WHERE id IN (
                    SELECT id FROM thread_escalations
                    WHERE status = {pending} AND next_attempt_at <= {now}
                      AND (locked_until IS NULL OR locked_until < {now})
                    ORDER BY next_attempt_at, id
                    LIMIT {batch}
                    FOR UPDATE SKIP LOCKED)
                RETURNING *
                """)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var connection = await db.SupportDesks.AsNoTracking()
            .Select(d => new { d.Url, d.Format, d.Authorization, d.SigningSecret })
            .FirstOrDefaultAsync(cancellationToken);
        foreach (var escalation in claimed)
        {
            try
            {
                if (connection is null)
                {
                    throw new DeskException("No support desk is connected.");
                }

                var opened = await desk.SendAsync(
                    new DeskClient.Connection(new Uri(connection.Url), connection.Format, connection.Authorization, connection.SigningSecret),
                    escalation.Id,
                    EscalationCase.FromJson(escalation.Payload),
                    settings.Timeout,
                    cancellationToken);
                await mediator.Send(new RecordCaseOpened.Command(escalation.Id, opened.CaseId, opened.CaseUrl), cancellationToken);
                logger.LogInformation("Escalation {EscalationId} of thread {ThreadId} opened case {CaseId}", escalation.Id, escalation.ThreadId, opened.CaseId);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                db.ChangeTracker.Clear();
                var attempts = escalation.Attempts + 1;
                var failedNow = clock.GetUtcNow();
                var givenUp = attempts >= settings.MaxAttempts;
                var next = failedNow + ThreadEscalation.Backoff(attempts, settings.FirstRetryDelay);
                var reason = exception is DeskException ? exception.Message : "The case could not be recorded; it will be sent again.";
                var error = reason.Length > ThreadEscalation.ErrorMaxLength ? reason[..ThreadEscalation.ErrorMaxLength] : reason;
                var status = givenUp ? EscalationStatus.Failed : EscalationStatus.Pending;
                await db.Escalations.Where(e => e.Id == escalation.Id && e.Status == EscalationStatus.Pending).ExecuteUpdateAsync(
                    e => e.SetProperty(x => x.Attempts, attempts)
                        .SetProperty(x => x.NextAttemptAt, next)
                        .SetProperty(x => x.LastError, error)
                        .SetProperty(x => x.Status, status)
                        .SetProperty(x => x.LockedUntil, (DateTimeOffset?)null),
                    CancellationToken.None);
                logger.LogWarning(exception, "Escalation {EscalationId} of thread {ThreadId} failed on attempt {Attempt}; {Outcome}", escalation.Id, escalation.ThreadId, attempts,
                    givenUp ? "marked failed for staff to retry" : $"retrying after {next:u}");
            }
        }

        return claimed.Count;
    }
}
