using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Threads;

namespace CommunityHub.Domain.Escalation;

public enum EscalationStatus
{
    /// <summary>Waiting to be sent (or between attempts).</summary>
    Pending,

    /// <summary>The desk took it: a case id (and perhaps its address) is known.</summary>
    Open,

    /// <summary>Every attempt failed; staff may retry.</summary>
    Failed,

    /// <summary>The desk said the case is solved or closed: the thread may be escalated again.</summary>
    Solved,
}

/// <summary>A thread sent to the support desk. The row is also its own outbox entry: written in the escalating
/// transaction, sent later by a background worker in any instance (claimed with a lease, retried with backoff),
/// so a desk that is down or slow never holds up the staff member's request and loses nothing.</summary>
public sealed class ThreadEscalation : AggregateRoot
{
    public const int ErrorMaxLength = 500;
    public const int CaseIdMaxLength = 100;

    private ThreadEscalation(long threadId, Guid escalatedById, string payload, DateTimeOffset escalatedAt)
    {
        ThreadId = threadId;
        EscalatedById = escalatedById;
        Payload = payload;
        EscalatedAt = escalatedAt;
        NextAttemptAt = escalatedAt;
    }

    public long Id { get; private set; }

    public long ThreadId { get; private set; }

    public Guid EscalatedById { get; private set; }

    public DateTimeOffset EscalatedAt { get; private set; }

    public EscalationStatus Status { get; private set; }

    /// <summary>The case as it stood when escalated (JSON of the application's case record), sent as it is on every attempt.</summary>
    public string Payload { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>A worker that claimed it holds it until then; after, another may take it (the first died).</summary>
    public DateTimeOffset? LockedUntil { get; private set; }

    public string? LastError { get; private set; }

    public string? CaseId { get; private set; }

    public string? CaseUrl { get; private set; }

    public DateTimeOffset? OpenedAt { get; private set; }

    public DateTimeOffset? SolvedAt { get; private set; }

    public static ThreadEscalation Start(long threadId, Viewer by, string payload, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        ConversationPolicy.Escalate(by).Enforce();
        return new ThreadEscalation(threadId, by.MemberId!.Value, payload, now);
    }

    /// <summary>A thread already escalated may be escalated again only once its case is solved, or its sending failed
    /// (then it is sent again, not twice).</summary>
    public static Decision MayEscalateAgain(EscalationStatus status, string? caseId) => status switch
    {
        EscalationStatus.Pending => Decision.Refuse("This thread is being escalated already: the desk has not answered yet."),
        EscalationStatus.Open => Decision.Refuse($"This thread is escalated already (case #{caseId}); it can be escalated again once the case is solved."),
        _ => Decision.Allowed,
    };

    /// <summary>Staff send a failed escalation again: it starts its attempts afresh.</summary>
    public void Retry(Viewer by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        ConversationPolicy.Escalate(by).Enforce();
        if (Status != EscalationStatus.Failed)
        {
            MayEscalateAgain(Status, CaseId).Enforce();
        }

        Status = EscalationStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
        LockedUntil = null;
        LastError = null;
    }

    public void Opened(string caseId, string? caseUrl, DateTimeOffset now)
    {
        CaseId = Guard.Text(caseId, CaseIdMaxLength, "A case id");
        CaseUrl = caseUrl;
        Status = EscalationStatus.Open;
        OpenedAt = now;
        LockedUntil = null;
        LastError = null;
        Record(new ThreadEscalated(Id, ThreadId, EscalatedById, now));
    }

    /// <summary>The desk said the case is solved or closed (told again, nothing changes).</summary>
    public bool Solved(DateTimeOffset now)
    {
        if (Status == EscalationStatus.Solved)
        {
            return false;
        }

        if (Status != EscalationStatus.Open)
        {
            throw new DomainException("Only an open case can be solved.");
        }

        Status = EscalationStatus.Solved;
        SolvedAt = now;
        return true;
    }

    /// <summary>Waits before the next try: <paramref name="first"/>, then twice as long each time, at most 30 minutes.</summary>
    public static TimeSpan Backoff(int attempts, TimeSpan first) =>
        TimeSpan.FromTicks((long)Math.Min(TimeSpan.FromMinutes(30).Ticks, first.Ticks * Math.Pow(2, Math.Max(0, attempts - 1))));
}

/// <summary>The desk took up a thread: its asker hears that the company is on it.</summary>
public sealed record ThreadEscalated(long EscalationId, long ThreadId, Guid EscalatedById, DateTimeOffset At) : IDomainEvent;
