using CommunityHub.Domain.Common;

namespace CommunityHub.Domain.Ties;

/// <summary>A member's own answer to "How well do you know …?" on the EIES scale: private to the member (it
/// is in their data download and deleted with their account), and the calibration's ground truth.</summary>
public sealed class TieRating
{
    public const int Lowest = 0;
    public const int Highest = 4;

    private TieRating(Guid raterId, Guid ratedId, int rating, DateTimeOffset answeredAt)
    {
        RaterId = raterId;
        RatedId = ratedId;
        Rating = rating;
        AnsweredAt = answeredAt;
    }

    public long Id { get; private set; }

    public Guid RaterId { get; private set; }

    public Guid RatedId { get; private set; }

    /// <summary>0 unknown to me, 1 heard of but not met, 2 met, 3 friend, 4 close personal friend.</summary>
    public int Rating { get; private set; }

    public DateTimeOffset AnsweredAt { get; private set; }

    /// <summary>The scale's words, in order (EIES; Freeman &amp; Freeman 1979).</summary>
    public static IReadOnlyList<string> Scale { get; } = ["I don't know them", "I've heard of them, we haven't met", "We've met", "A friend", "A close personal friend"];

    public static TieRating Give(Guid raterId, Guid ratedId, int rating, DateTimeOffset at)
    {
        if (raterId == ratedId)
        {
            throw new DomainException("A member rates their ties with others.");
        }

        return new TieRating(raterId, ratedId, Check(rating), at);
    }

    public void Change(int rating, DateTimeOffset at)
    {
        Rating = Check(rating);
        AnsweredAt = at;
    }

    private static int Check(int rating) =>
        rating is < Lowest or > Highest ? throw new DomainException($"A rating is from {Lowest} to {Highest}.") : rating;
}
