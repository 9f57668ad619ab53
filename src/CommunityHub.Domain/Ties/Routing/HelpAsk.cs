using CommunityHub.Domain.Common;

namespace CommunityHub.Domain.Ties.Routing;

/// <summary>Someone of the company asked a member to help with an unanswered thread: once per member and thread.
/// Whether it worked (the member replied, and when) is read from the thread's posts.</summary>
public sealed class HelpAsk
{
    private HelpAsk(long threadId, Guid askedId, Guid askedById, DateTimeOffset askedAt, double tieStrength, bool strongTie)
    {
        ThreadId = threadId;
        AskedId = askedId;
        AskedById = askedById;
        AskedAt = askedAt;
        TieStrength = tieStrength;
        StrongTie = strongTie;
    }

    public long Id { get; private set; }

    public long ThreadId { get; private set; }

    public Guid AskedId { get; private set; }

    public Guid AskedById { get; private set; }

    public DateTimeOffset AskedAt { get; private set; }

    /// <summary>The tie between the thread's starter and the one asked, when asked: what the measurement of weak
    /// against strong ties groups the outcomes by.</summary>
    public double TieStrength { get; private set; }

    /// <summary>The tie was strong for the starter when asked.</summary>
    public bool StrongTie { get; private set; }

    public static HelpAsk Of(long threadId, Guid askedId, Guid askedById, DateTimeOffset at, double tieStrength, bool strongTie) =>
        askedId == askedById ? throw new DomainException("Ask someone else for help.") : new HelpAsk(threadId, askedId, askedById, at, tieStrength, strongTie);
}
