using CommunityHub.Domain.Common;

namespace CommunityHub.Domain.Ties;

/// <summary>Two distinct members in a fixed order (<see cref="Low"/> sorts before <see cref="High"/>), so a
/// pair has one identity, one row, whoever acted. The order is the one PostgreSQL uses for uuids.</summary>
public readonly record struct MemberPair
{
    private MemberPair(Guid low, Guid high)
    {
        Low = low;
        High = high;
    }

    public Guid Low { get; }

    public Guid High { get; }

    public static MemberPair Of(Guid one, Guid other)
    {
        if (one == other)
        {
            throw new DomainException("A tie needs two different members.");
        }

        return one.CompareTo(other) < 0 ? new MemberPair(one, other) : new MemberPair(other, one);
    }

    public bool Contains(Guid member) => member == Low || member == High;

    public Guid Other(Guid member) =>
        member == Low ? High
        : member == High ? Low
        : throw new DomainException("That member is not in this pair.");
}
