using CommunityHub.Domain.Common;

namespace CommunityHub.Domain.Email;

/// <summary>An e-mail waiting to be sent (or sent, or given up on). It is written in the same transaction as
/// whatever caused it and sent later by a background worker, so a failed send loses nothing: the row stays,
/// with its attempts and the last error.</summary>
public sealed class QueuedEmail
{
    public const int MaxAttempts = 8;

    private QueuedEmail(string toAddress, string toName, string subject, string textBody, string htmlBody, string purpose, DateTimeOffset createdAt)
    {
        ToAddress = toAddress;
        ToName = toName;
        Subject = subject;
        TextBody = textBody;
        HtmlBody = htmlBody;
        Purpose = purpose;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
    }

    public long Id { get; private set; }

    public string ToAddress { get; private set; }

    public string ToName { get; private set; }

    public string Subject { get; private set; }

    public string TextBody { get; private set; }

    public string HtmlBody { get; private set; }

    /// <summary>What it is for ("notification", "digest", "confirm-email", "reset-password"), for logs and support.</summary>
    public string Purpose { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>A worker that claimed the message holds it until then; after, another may take it (the first died).</summary>
    public DateTimeOffset? LockedUntil { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>Set after <see cref="MaxAttempts"/> failures; the message is kept for someone to look at.</summary>
    public DateTimeOffset? FailedAt { get; private set; }

    public string? LastError { get; private set; }

    public static QueuedEmail Create(string toAddress, string toName, string subject, string textBody, string htmlBody, string purpose, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(toAddress) || !toAddress.Contains('@', StringComparison.Ordinal))
        {
            throw new DomainException("An e-mail needs an address to go to.");
        }

        return new QueuedEmail(
            toAddress.Trim(),
            toName.Trim(),
            Guard.Text(subject.ReplaceLineEndings(" "), 300, "A subject"),
            textBody,
            htmlBody,
            purpose,
            now);
    }

    /// <summary>Waits before the next try: 1, 2, 4 … minutes, at most 4 hours.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(240, Math.Pow(2, Math.Max(0, attempts - 1))));
}
