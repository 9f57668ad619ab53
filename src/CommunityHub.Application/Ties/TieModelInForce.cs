using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Domain.Ties;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Ties;

/// <summary>The tie model every scorer in this process uses: the configured options, with the weights and floor of
/// the latest adopted calibration when there is one. Each instance reloads it from the database at start and then
/// every minute (Infrastructure's refresher), and at once after a calibration it ran itself adopted a fit.</summary>
public sealed class TieModelInForce(IOptions<TieOptions> configured)
{
    private volatile State _state = new(null, new TieScorer(configured.Value));

    public TieScorer Scorer => _state.Scorer;

    /// <summary>The adopted fit in force, or null while the configured weights are.</summary>
    public long? FitId => _state.FitId;

    public TieOptions Configured => configured.Value;

    public void Use(TieModelFit? fit)
    {
        if (fit?.Id != _state.FitId || fit is null)
        {
            _state = new State(fit?.Id, new TieScorer(fit is null ? configured.Value : fit.ApplyTo(configured.Value)));
        }
    }

    /// <summary>Reads the latest adopted fit and uses it (one indexed query).</summary>
    public async Task RefreshAsync(ICommunityDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var fit = await LatestAdoptedAsync(db, cancellationToken);
        if (fit?.Id != _state.FitId)
        {
            Use(fit);
        }
    }

    public static Task<TieModelFit?> LatestAdoptedAsync(ICommunityDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.TieModelFits.AsNoTracking().Where(f => f.Adopted).OrderByDescending(f => f.FittedAt).ThenByDescending(f => f.Id).FirstOrDefaultAsync(cancellationToken);
    }

    private sealed record State(long? FitId, TieScorer Scorer);
}

/// <summary>How members are asked about their ties and how the model is refitted (section <c>Ties</c>).</summary>
public sealed class TieCalibrationOptions
{
    public const string Section = "Ties";

    /// <summary>Whether members are asked, now and then, how well they know someone they are tied to.</summary>
    public bool RatingQuestions { get; set; } = true;

    /// <summary>How often a member may be asked; never more than once a week, whatever is set.</summary>
    public TimeSpan RatingQuestionInterval { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Held-out ego-centric ρ a fit must gain over the model in force to be adopted.</summary>
    public double CalibrationMargin { get; set; } = Domain.Ties.Measuring.TieCalibrationDefaults.Margin;

    public int CalibrationMinimumRatings { get; set; } = Domain.Ties.Measuring.TieCalibrationDefaults.MinimumRatings;

    public int CalibrationMinimumRaters { get; set; } = Domain.Ties.Measuring.TieCalibrationDefaults.MinimumRaters;

    /// <summary>Whether this instance takes part in the weekly calibration (one instance runs it each week).</summary>
    public bool CalibrationEnabled { get; set; } = true;

    public TimeSpan CalibrationInterval { get; set; } = TimeSpan.FromDays(7);

    public static readonly TimeSpan ShortestQuestionInterval = TimeSpan.FromDays(7);

    public TimeSpan QuestionInterval => RatingQuestionInterval < ShortestQuestionInterval ? ShortestQuestionInterval : RatingQuestionInterval;
}
