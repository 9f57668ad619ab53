namespace CommunityHub.Domain.Threads;

public sealed partial class DiscussionThread
{
    /// <summary>How much its posts were appreciated: active records of help, thanks, reactions and accepted answers.
    /// Denormalised for the lists' "top" order; kept by a subscriber to the records' events (one UPDATE, never a
    /// read-modify-write) and rebuilt by RecountCounters.</summary>
    public int Appreciation { get; private set; }
}
