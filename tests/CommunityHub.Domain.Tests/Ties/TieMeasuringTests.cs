using CommunityHub.Domain.Ties.Measuring;

namespace CommunityHub.Domain.Tests.Ties;

/// <summary>The evaluation's statistics and the calibration's fit.</summary>
public sealed class TieMeasuringTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void Spearman_is_one_for_the_same_order_minus_one_for_the_reverse_and_uses_average_ranks_for_ties()
    {
        Assert.Equal(1, TieEvaluation.Spearman([1, 2, 3, 10], [0, 1, 2, 4])!.Value, Tolerance);
        Assert.Equal(-1, TieEvaluation.Spearman([1, 2, 3], [3, 2, 1])!.Value, Tolerance);
        Assert.Equal([1.5, 1.5, 3], TieEvaluation.Ranks([5, 5, 7]));
        Assert.Null(TieEvaluation.Spearman([1, 2, 3], [2, 2, 2]));
    }

    [Fact]
    public void The_auc_is_the_chance_a_strong_tie_outscores_a_weak_one()
    {
        var rater = Guid.NewGuid();
        RatedTie Tie(int rating, double score) => new(rater, Guid.NewGuid(), rating, score, false);

        var perfect = TieEvaluation.Auc([[Tie(4, 0.9), Tie(3, 0.8), Tie(1, 0.2), Tie(0, 0.1)]]);
        var half = TieEvaluation.Auc([[Tie(4, 0.5), Tie(1, 0.5)]]);
        var quarter = TieEvaluation.Auc([[Tie(4, 0.2), Tie(3, 0.6), Tie(2, 0.5), Tie(0, 0.8)]]);

        Assert.Equal(1, perfect!.Value, Tolerance);
        Assert.Equal(0.5, half!.Value, Tolerance);
        Assert.Equal(0.25, quarter!.Value, Tolerance);
    }

    [Fact]
    public void The_strong_weak_rule_is_counted_against_calling_every_tie_weak()
    {
        var rater = Guid.NewGuid();
        var ties = new[]
        {
            new RatedTie(rater, Guid.NewGuid(), 4, 0.9, PredictedStrong: true),
            new RatedTie(rater, Guid.NewGuid(), 2, 0.8, PredictedStrong: true),
            new RatedTie(rater, Guid.NewGuid(), 3, 0.1, PredictedStrong: false),
            new RatedTie(rater, Guid.NewGuid(), 0, 0.0, PredictedStrong: false),
        };

        var figures = TieEvaluation.Measure(ties, resamples: 50);

        Assert.Equal(0.5, figures.Precision);
        Assert.Equal(0.5, figures.Recall);
        Assert.Equal(0.5, figures.Accuracy);
        Assert.Equal(0.5, figures.AlwaysWeakAccuracy);
        Assert.True(figures.EgoSpearman!.Low <= figures.EgoSpearman.Estimate && figures.EgoSpearman.Estimate <= figures.EgoSpearman.High);
    }

    [Fact]
    public void The_calibration_recovers_known_weights_from_synthetic_ratings()
    {
        var truth = new TieWeights(0.4, 0.3, 0.0, 0.1, 0.2);
        var ratings = Synthetic(truth, new Random(7), raters: 80, perRater: 12, noise: 0.03);

        var fitted = TieCalibration.FitWeights(ratings).Normalised();

        foreach (var (expected, actual) in truth.ToArray().Zip(fitted.ToArray()))
        {
            Assert.InRange(actual, expected - 0.06, expected + 0.06);
        }
    }

    [Fact]
    public void The_calibration_adopts_a_fit_that_ranks_held_out_ties_better_by_the_margin()
    {
        var truth = new TieWeights(0.1, 0.1, 0.0, 0.1, 0.7);
        var ratings = Synthetic(truth, new Random(8), raters: 60, perRater: 10, noise: 0.03);
        var current = new TieWeights(0.30, 0.25, 0.25, 0.20, 0);

        var result = TieCalibration.Calibrate(ratings, current, 0.25, 0.2, margin: 0.02, minimumRatings: 50, minimumRaters: 10);

        Assert.True(result.Adopt, result.Reason);
        Assert.True(result.HeldOutFitted > result.HeldOutCurrent + 0.02);
        Assert.True(result.Weights.Structure > 0.5);
    }

    [Fact]
    public void The_calibration_refuses_a_fit_that_does_not_beat_the_model_in_force()
    {
        // The ratings follow the weights in force: no fit can rank held-out ties better by the margin.
        var current = new TieWeights(0.30, 0.25, 0.25, 0.20, 0);
        var ratings = Synthetic(current, new Random(9), raters: 60, perRater: 10, noise: 0.03);

        var result = TieCalibration.Calibrate(ratings, current, 0.25, 0.2, margin: 0.02, minimumRatings: 50, minimumRaters: 10);

        Assert.False(result.Adopt, result.Reason);
        Assert.NotNull(result.HeldOutCurrent);
    }

    [Fact]
    public void The_calibration_refuses_to_judge_on_too_few_ratings()
    {
        var ratings = Synthetic(new TieWeights(0, 0, 0, 0, 1), new Random(10), raters: 3, perRater: 4, noise: 0.01);

        var result = TieCalibration.Calibrate(ratings, new TieWeights(0.3, 0.25, 0.25, 0.2, 0), 0.25, 0.2, 0.02, minimumRatings: 50, minimumRaters: 10);

        Assert.False(result.Adopt);
        Assert.Contains("Too few ratings", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fitted_floor_separates_the_ties_rated_strong_from_the_others()
    {
        var rater = Guid.NewGuid();
        RatedComponents Rated(int rating, double x) => new(rater, Guid.NewGuid(), rating, [x, x, x, x, x], true);
        var ratings = new[] { Rated(0, 0.1), Rated(1, 0.2), Rated(2, 0.3), Rated(3, 0.6), Rated(4, 0.8) };

        var floor = TieCalibration.FitFloor(ratings, new TieWeights(1, 1, 1, 1, 1), 0.2);

        Assert.InRange(floor, 0.3, 0.6 - 1e-9);
    }

    /// <summary>Raters rate their ties by a latent strength (the true weights' combination plus noise), each using
    /// the scale their own way: their ratings are the quintiles of their own ties.</summary>
    private static List<RatedComponents> Synthetic(TieWeights truth, Random random, int raters, int perRater, double noise)
    {
        var ratings = new List<RatedComponents>();
        for (var r = 0; r < raters; r++)
        {
            var rater = Guid.NewGuid();
            var ties = Enumerable.Range(0, perRater).Select(_ => new double[] { random.NextDouble(), random.NextDouble(), random.NextDouble(), random.NextDouble(), random.NextDouble() }).ToList();
            var latent = ties.Select(x => TieCalibration.Strength(truth, new RatedComponents(rater, rater, 0, x, true), 1) + (noise * Gaussian(random))).ToList();
            var order = latent.Select((v, i) => (v, i)).OrderBy(p => p.v).Select(p => p.i).ToList();
            for (var rank = 0; rank < order.Count; rank++)
            {
                ratings.Add(new RatedComponents(rater, Guid.NewGuid(), rank * 5 / order.Count, ties[order[rank]], true));
            }
        }

        return ratings;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
