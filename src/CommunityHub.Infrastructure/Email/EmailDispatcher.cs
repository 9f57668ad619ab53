using CommunityHub.Domain.Email;
using CommunityHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CommunityHub.Infrastructure.Email;

/// <summary>Sends what is due from the outbox table. Safe with any number of app instances: each claims a batch
/// with <c>FOR UPDATE SKIP LOCKED</c> and a lease (so two never take the same message, and one that dies mid-batch
/// only delays its messages by the lease). A failure is recorded on the row and retried with backoff; after
/// <see cref="QueuedEmail.MaxAttempts"/> the row is marked failed and kept.</summary>
public sealed class EmailDispatcher(
    CommunityDbContext db,
    IEmailTransport transport,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    ILogger<EmailDispatcher> logger)
{
    /// <returns>How many messages it claimed (sent or not).</returns>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var leaseEnd = now + settings.Lease;
        var batch = settings.BatchSize;
        var claimed = await db.Emails
            .FromSql(
                $"""
                UPDATE email_outbox SET locked_until = {leaseEnd}
                WHERE id IN (
                    SELECT id FROM email_outbox
                    WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= {now}
                      AND (locked_until IS NULL OR locked_until < {now})
                    ORDER BY next_attempt_at, id
                    LIMIT {batch}
                    FOR UPDATE SKIP LOCKED)
                RETURNING *
                """)
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        foreach (var email in claimed)
        {
            try
            {
                await transport.SendAsync(ToMime(email, settings.From), cancellationToken);
                var sentAt = clock.GetUtcNow();
                await db.Emails.Where(e => e.Id == email.Id).ExecuteUpdateAsync(
                    e => e.SetProperty(x => x.SentAt, sentAt).SetProperty(x => x.Attempts, x => x.Attempts + 1).SetProperty(x => x.LockedUntil, (DateTimeOffset?)null),
                    cancellationToken);
                logger.LogInformation("E-mail {EmailId} ({Purpose}) sent", email.Id, email.Purpose);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                var attempts = email.Attempts + 1;
                var failedNow = clock.GetUtcNow();
                DateTimeOffset? givenUp = attempts >= QueuedEmail.MaxAttempts ? failedNow : null;
                var next = failedNow + QueuedEmail.Backoff(attempts);
                var error = exception.Message.Length > 2000 ? exception.Message[..2000] : exception.Message;
                await db.Emails.Where(e => e.Id == email.Id).ExecuteUpdateAsync(
                    e => e.SetProperty(x => x.Attempts, attempts)
                        .SetProperty(x => x.NextAttemptAt, next)
                        .SetProperty(x => x.LastError, error)
                        .SetProperty(x => x.FailedAt, givenUp)
                        .SetProperty(x => x.LockedUntil, (DateTimeOffset?)null),
                    CancellationToken.None);
                logger.LogWarning(exception, "E-mail {EmailId} ({Purpose}) failed on attempt {Attempt}; {Outcome}", email.Id, email.Purpose, attempts,
                    givenUp is null ? $"retrying after {next:u}" : "giving up and keeping it");
            }
        }

        return claimed.Count;
    }

    private static MimeMessage ToMime(QueuedEmail email, string from)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(new MailboxAddress(email.ToName, email.ToAddress));
        message.Subject = email.Subject;
        message.Date = email.CreatedAt;
        // A stable id per queued row: a message retried after an unclear failure is recognisably the same one.
        message.MessageId = $"outbox-{email.Id}-{email.CreatedAt.ToUnixTimeSeconds()}@communityhub";
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody }.ToMessageBody();
        return message;
    }
}
