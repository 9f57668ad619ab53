using CommunityHub.Domain.Ties.Measuring;

namespace CommunityHub.Domain.Ties;

/// <summary>One calibration of the tie model against members' ratings: what was fitted, on how many ratings, how
/// it did on held-out raters against the model in force, and whether it was adopted. The adopted fit with the
/// latest time is the model in force; the rows are its history.</summary>
public sealed class TieModelFit : Common.AggregateRoot
{
    private TieModelFit()
    {
        Reason = string.Empty;
        TriggeredBy = string.Empty;
    }

    public long Id { get; private set; }

    public DateTimeOffset FittedAt { get; private set; }

    public int Ratings { get; private set; }

    public int Raters { get; private set; }

    public double IntimacyWeight { get; private set; }

    public double TimeWeight { get; private set; }

    public double ServicesWeight { get; private set; }

    public double EmotionWeight { get; private set; }

    public double StructureWeight { get; private set; }

    public double StrongTieFloor { get; private set; }

    public double? HeldOutCurrent { get; private set; }

    public double? HeldOutFitted { get; private set; }

    public bool Adopted { get; private set; }

    public string Reason { get; private set; }

    /// <summary>"the weekly run", "the command line", or the admin's name.</summary>
    public string TriggeredBy { get; private set; }

    public Guid? TriggeredById { get; private set; }

    public TieWeights Weights => new(IntimacyWeight, TimeWeight, ServicesWeight, EmotionWeight, StructureWeight);

    public static TieModelFit Of(CalibrationResult result, DateTimeOffset at, string triggeredBy, Guid? triggeredById)
    {
        ArgumentNullException.ThrowIfNull(result);
        var w = result.Weights;
        var fit = new TieModelFit
        {
            FittedAt = at,
            Ratings = result.Ratings,
            Raters = result.Raters,
            IntimacyWeight = w.Intimacy,
            TimeWeight = w.Time,
            ServicesWeight = w.Services,
            EmotionWeight = w.Emotion,
            StructureWeight = w.Structure,
            StrongTieFloor = result.StrongTieFloor,
            HeldOutCurrent = result.HeldOutCurrent,
            HeldOutFitted = result.HeldOutFitted,
            Adopted = result.Adopt,
            Reason = result.Reason.Length > 500 ? result.Reason[..500] : result.Reason,
            TriggeredBy = triggeredBy,
            TriggeredById = triggeredById,
        };
        if (triggeredById is { } admin)
        {
            // An admin's run lands in the audit log; the weekly and command-line runs only in the fits' own history.
            fit.Record(new Moderation.CommunityAdministered(admin, Moderation.ModerationAction.CalibrateTieModel, null, null,
                (fit.Adopted ? "adopted" : "not adopted") + FormattableString.Invariant(
                    $": {fit.Ratings} ratings, held-out ρ {fit.HeldOutFitted:0.000} fitted against {fit.HeldOutCurrent:0.000}; weights {w.Intimacy:0.00}/{w.Time:0.00}/{w.Services:0.00}/{w.Emotion:0.00}/{w.Structure:0.00}, floor {fit.StrongTieFloor:0.00}"),
                at));
        }

        return fit;
    }

    /// <summary>The tie options with this fit's weights and floor.</summary>
    public TieOptions ApplyTo(TieOptions options) => Weights.ApplyTo(options, StrongTieFloor);
}
