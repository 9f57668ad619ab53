namespace CommunityHub.Domain.Ties;

/// <summary>The stored row of a pair's tie (one per interacting pair): <see cref="TieState"/> as the database
/// keeps it, plus the strength it had when last updated. Strength only falls between events, so that
/// stored strength bounds the current one from above, which lets "strongest ties" read an index.</summary>
public sealed class Tie
{
    private Tie()
    {
    }

    public Guid MemberLowId { get; private set; }

    public Guid MemberHighId { get; private set; }

    public DateTimeOffset AsOf { get; private set; }

    public DateTimeOffset FirstAt { get; private set; }

    public DateTimeOffset LastAt { get; private set; }

    public bool HasDirect { get; private set; }

    public double Contact { get; private set; }

    public double Intensity { get; private set; }

    public double ConfidingLowToHigh { get; private set; }

    public double ConfidingHighToLow { get; private set; }

    public double ServiceLowToHigh { get; private set; }

    public double ServiceHighToLow { get; private set; }

    public double StrengthAtUpdate { get; private set; }

    /// <summary>Valued at <see cref="AsOf"/>; set by the structure pass (<see cref="TieStructure"/>).</summary>
    public double Embeddedness { get; private set; }

    /// <summary>The weeks in touch (<see cref="ContactWeeks"/>).</summary>
    public long ActiveWeeks { get; private set; }

    public int LatestWeek { get; private set; }

    public TieState ToState() =>
        ToState(MemberLowId, MemberHighId, AsOf, FirstAt, LastAt, HasDirect, Contact, Intensity, ConfidingLowToHigh, ConfidingHighToLow, ServiceLowToHigh, ServiceHighToLow)
            with { Embeddedness = Embeddedness, ActiveWeeks = ActiveWeeks, LatestWeek = LatestWeek };

    /// <summary>For projections that read the columns without loading the entity.</summary>
    public static TieState ToState(Guid low, Guid high, DateTimeOffset asOf, DateTimeOffset firstAt, DateTimeOffset lastAt, bool hasDirect, double contact, double intensity, double confidingLowToHigh, double confidingHighToLow, double serviceLowToHigh, double serviceHighToLow) =>
        new(MemberPair.Of(low, high), asOf, firstAt, lastAt, hasDirect, contact, intensity, confidingLowToHigh, confidingHighToLow, serviceLowToHigh, serviceHighToLow);
}
