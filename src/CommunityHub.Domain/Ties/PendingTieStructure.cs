namespace CommunityHub.Domain.Ties;

/// <summary>A pair whose contact changed since the structure pass last ran: the pass recomputes the embeddedness
/// of the ties it affects (<see cref="TieStructure.Affected"/>) and removes the row. Written by the tie store in
/// the event's own statement; one row per pair however many events arrive before the pass.</summary>
public sealed class PendingTieStructure
{
    private PendingTieStructure()
    {
    }

    public Guid MemberLowId { get; private set; }

    public Guid MemberHighId { get; private set; }

    public DateTimeOffset QueuedAt { get; private set; }
}
