namespace CommunityHub.Domain.Ties;

/// <summary>What one event adds to a pair's accumulators, oriented to the pair (Low → High and back).
/// Undecayed: the store decays it from <see cref="At"/>.</summary>
public sealed record TieContribution(
    MemberPair Pair,
    DateTimeOffset At,
    double Contact,
    double Intensity,
    double ConfidingLowToHigh,
    double ConfidingHighToLow,
    double ServiceLowToHigh,
    double ServiceHighToLow,
    bool IsDirect,
    bool IsRetraction,
    bool SetsContactWeek = false)
{
    /// <summary>The event's weights by DESIGN.md. Services flow from the one who helped to the one helped:
    /// for "helped me" and an accepted answer that is from <see cref="TieEvent.To"/> to <see cref="TieEvent.From"/>.</summary>
    public static TieContribution Of(TieEvent e, TieOptions options)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(options);
        var pair = e.Pair;
        var fromIsLow = e.From == pair.Low;
        double contact = 0, intensity = 0, confidingFrom = 0, confidingTo = 0, serviceToFrom = 0;
        var direct = true;
        switch (e.Kind)
        {
            case TieEventKind.DirectReply:
                contact = options.Volume == ContactVolume.WordsAndWeeks
                    ? options.DirectReplyContact * Math.Log2(1 + (Math.Max(0, e.Words) / options.WordsPerContact))
                    : options.DirectReplyContact;
                intensity = Math.Log2(1 + (Math.Max(0, e.Words) / 20.0));
                confidingFrom = e.IsTurn ? options.TurnConfiding : 0;
                break;
            case TieEventKind.Mention:
                contact = options.MentionContact;
                confidingFrom = options.MentionConfiding;
                break;
            case TieEventKind.SharedThread:
                direct = false;
                contact = e.Participants > 1 ? 1.0 / (e.Participants - 1) : 0;
                if (e.Participants <= options.SmallThreadMaxParticipants)
                {
                    // Co-participation in a small thread is mutual.
                    confidingFrom = options.SmallThreadConfiding;
                    confidingTo = options.SmallThreadConfiding;
                }

                break;
            case TieEventKind.Reaction:
                intensity = options.ReactionIntensity;
                break;
            case TieEventKind.Thanks:
                intensity = options.ThanksIntensity;
                break;
            case TieEventKind.Helped:
                serviceToFrom = options.HelpedService;
                break;
            case TieEventKind.AcceptedAnswer:
                serviceToFrom = options.AcceptedAnswerService;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(e), e.Kind, "Unknown kind of tie event.");
        }

        var sign = e.IsRetraction ? -1 : 1;
        return new TieContribution(
            pair,
            e.At,
            sign * contact,
            sign * intensity,
            sign * (fromIsLow ? confidingFrom : confidingTo),
            sign * (fromIsLow ? confidingTo : confidingFrom),
            sign * (fromIsLow ? 0 : serviceToFrom),
            sign * (fromIsLow ? serviceToFrom : 0),
            direct,
            e.IsRetraction,
            SetsContactWeek: !e.IsRetraction && e.Kind is TieEventKind.DirectReply or TieEventKind.Mention);
    }
}
