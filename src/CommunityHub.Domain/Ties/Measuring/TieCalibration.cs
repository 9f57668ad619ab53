namespace CommunityHub.Domain.Ties.Measuring;

/// <summary>The combination weights of the five components, in the order of <see cref="ToArray"/>.</summary>
public sealed record TieWeights(double Intimacy, double Time, double Services, double Emotion, double Structure)
{
    public static TieWeights Of(TieOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new TieWeights(options.IntimacyWeight, options.TimeWeight, options.ServicesWeight, options.EmotionWeight, options.StructureWeight);
    }

    public static TieWeights FromArray(IReadOnlyList<double> w)
    {
        ArgumentNullException.ThrowIfNull(w);
        return new TieWeights(w[0], w[1], w[2], w[3], w[4]);
    }

    public double[] ToArray() => [Intimacy, Time, Services, Emotion, Structure];

    /// <summary>The same weights summing to one (rounded to 4 places): what is shown and stored.</summary>
    public TieWeights Normalised()
    {
        var sum = Intimacy + Time + Services + Emotion + Structure;
        return sum <= 0 ? this : FromArray([.. ToArray().Select(w => Math.Round(w / sum, 4))]);
    }

    public TieOptions ApplyTo(TieOptions options, double strongTieFloor)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options with
        {
            IntimacyWeight = Intimacy,
            TimeWeight = Time,
            ServicesWeight = Services,
            EmotionWeight = Emotion,
            StructureWeight = Structure,
            StrongTieFloor = strongTieFloor,
        };
    }

    /// <summary>The components as <see cref="ToArray"/> orders them.</summary>
    public static double[] Components(TieScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        return [score.Intimacy, score.Time, score.Services, score.Intensity, score.Structure];
    }
}

/// <summary>The calibration's defaults: how much better on held-out ratings a fit must be, and on how many ratings.</summary>
public static class TieCalibrationDefaults
{
    /// <summary>Held-out ego-centric ρ a fit must gain over the model in force to be adopted.</summary>
    public const double Margin = 0.02;

    public const int MinimumRatings = 50;

    /// <summary>Members who rated at least two ties differently (a pairwise fit learns only from them).</summary>
    public const int MinimumRaters = 10;
}

/// <summary>A member's rating of one of their ties with the tie's five components at the time of rating.</summary>
/// <param name="Direct">The pair interacted directly; if not, the strength is capped (the shared-threads-only cap).</param>
public sealed record RatedComponents(Guid Rater, Guid Rated, int Rating, double[] Components, bool Direct);

/// <summary>What a calibration found, and whether it should be adopted.</summary>
public sealed record CalibrationResult(
    TieWeights Weights,
    double StrongTieFloor,
    int Ratings,
    int Raters,
    double? HeldOutCurrent,
    double? HeldOutFitted,
    bool Adopt,
    string Reason);

/// <summary>Fits the combination weights and the strong-tie floor to members' own ratings.
///
/// Why a pairwise-ranking fit rather than an ordinal regression: what the product does with a strength is rank
/// a member's ties (their strongest, "strong" as the top of them), and what the evaluation measures is the
/// ego-centric rank correlation; people use the 0–4 scale differently (one member's "friend" is another's
/// "met"), which a pooled ordinal model would mistake for a property of the ties. Comparing only ties rated by
/// the same member (RankNet/RankSVM-style logistic loss on the weighted difference of components) removes each
/// rater's leniency and fits exactly the ranking. Weights stay non-negative (each component is evidence of
/// strength, as the theory says) and are normalised to sum to one. The absolute floor of "strong" is then fitted
/// pooled, as the accuracy-maximising threshold on the rating ≥ 3 labels.
///
/// It is cross-validated by rater (k folds): held-out ego-centric ρ of the fitted weights against the weights in
/// force, on raters the fit never saw; adopted only when it beats them by <c>margin</c>.</summary>
public static class TieCalibration
{
    public static CalibrationResult Calibrate(
        IReadOnlyList<RatedComponents> ratings, TieWeights current, double currentFloor, double sharedThreadsOnlyCap,
        double margin, int minimumRatings, int minimumRaters, int folds = 5)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(current);
        var raters = ratings.Select(r => r.Rater).Distinct().OrderBy(r => r).ToArray();
        var usable = ratings.GroupBy(r => r.Rater).Count(g => g.Select(r => r.Rating).Distinct().Count() > 1);
        if (ratings.Count < minimumRatings || usable < minimumRaters)
        {
            return new CalibrationResult(current, currentFloor, ratings.Count, raters.Length, null, null, false,
                $"Too few ratings to judge a fit: {ratings.Count} ratings from {usable} members who used more than one value; at least {minimumRatings} from {minimumRaters} are needed.");
        }

        // Folds by rater, in a fixed order: the same ratings give the same verdict.
        var foldOf = raters.Select((r, i) => (r, i % Math.Max(2, folds))).ToDictionary(x => x.r, x => x.Item2);
        var currentHeldOut = new List<RatedTie>();
        var fittedHeldOut = new List<RatedTie>();
        for (var fold = 0; fold < Math.Max(2, folds); fold++)
        {
            var training = ratings.Where(r => foldOf[r.Rater] != fold).ToList();
            var test = ratings.Where(r => foldOf[r.Rater] == fold).ToList();
            if (test.Count == 0)
            {
                continue;
            }

            var weights = FitWeights(training);
            currentHeldOut.AddRange(test.Select(r => new RatedTie(r.Rater, r.Rated, r.Rating, Strength(current, r, sharedThreadsOnlyCap), false)));
            fittedHeldOut.AddRange(test.Select(r => new RatedTie(r.Rater, r.Rated, r.Rating, Strength(weights, r, sharedThreadsOnlyCap), false)));
        }

        var currentRho = TieEvaluation.EgoSpearman([.. currentHeldOut.GroupBy(t => t.Rater).Select(g => g.ToArray())]);
        var fittedRho = TieEvaluation.EgoSpearman([.. fittedHeldOut.GroupBy(t => t.Rater).Select(g => g.ToArray())]);
        var final = FitWeights(ratings).Normalised();
        var floor = FitFloor(ratings, final, sharedThreadsOnlyCap);
        if (currentRho is null || fittedRho is null)
        {
            return new CalibrationResult(final, floor, ratings.Count, raters.Length, currentRho, fittedRho, false, "The held-out ratings could not rank anything.");
        }

        var adopt = fittedRho.Value >= currentRho.Value + margin;
        var reason = adopt
            ? $"The fit ranks held-out members' ties better: ρ {fittedRho:0.000} against {currentRho:0.000} for the model in force (margin {margin:0.00})."
            : $"The fit does not beat the model in force by the margin on held-out ratings: ρ {fittedRho:0.000} against {currentRho:0.000} (margin {margin:0.00}).";
        return new CalibrationResult(final, floor, ratings.Count, raters.Length, currentRho, fittedRho, adopt, reason);
    }

    /// <summary>The combined strength of a rated tie under <paramref name="weights"/>, as the scorer combines it.</summary>
    public static double Strength(TieWeights weights, RatedComponents rated, double sharedThreadsOnlyCap)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(rated);
        var w = weights.ToArray();
        var sum = w.Sum();
        var strength = sum <= 0 ? 0 : w.Select((x, i) => x * rated.Components[i]).Sum() / sum;
        return rated.Direct ? strength : Math.Min(strength, sharedThreadsOnlyCap);
    }

    /// <summary>Non-negative weights minimising the logistic pairwise loss over every two ties the same member rated
    /// differently (plus a small ridge), by projected gradient descent with backtracking.</summary>
    public static TieWeights FitWeights(IReadOnlyList<RatedComponents> ratings, double ridge = 1e-3, int iterations = 3000)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var differences = new List<double[]>();
        foreach (var ego in ratings.GroupBy(r => r.Rater))
        {
            var rated = ego.ToArray();
            for (var i = 0; i < rated.Length; i++)
            {
                for (var j = 0; j < rated.Length; j++)
                {
                    if (rated[i].Rating > rated[j].Rating)
                    {
                        differences.Add([.. rated[i].Components.Select((x, k) => x - rated[j].Components[k])]);
                    }
                }
            }
        }

        const int dimensions = 5;
        var w = Enumerable.Repeat(1.0, dimensions).ToArray();
        if (differences.Count == 0)
        {
            return TieWeights.FromArray(w);
        }

        double Loss(double[] v)
        {
            var sum = 0.0;
            foreach (var d in differences)
            {
                var margin = Dot(v, d);
                sum += margin > 30 ? Math.Exp(-margin) : Math.Log(1 + Math.Exp(-margin));
            }

            return (sum / differences.Count) + (ridge * Dot(v, v));
        }

        var step = 1.0;
        var loss = Loss(w);
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var gradient = new double[dimensions];
            foreach (var d in differences)
            {
                var g = -1 / (1 + Math.Exp(Dot(w, d)));
                for (var k = 0; k < dimensions; k++)
                {
                    gradient[k] += g * d[k];
                }
            }

            for (var k = 0; k < dimensions; k++)
            {
                gradient[k] = (gradient[k] / differences.Count) + (2 * ridge * w[k]);
            }

            // Backtracking: halve the step until the projected step lowers the loss.
            var improved = false;
            for (var attempt = 0; attempt < 30; attempt++)
            {
                var candidate = w.Select((x, k) => Math.Max(0, x - (step * gradient[k]))).ToArray();
                var candidateLoss = Loss(candidate);
                if (candidateLoss < loss)
                {
                    (w, loss, improved) = (candidate, candidateLoss, true);
                    step *= 1.5;
                    break;
                }

                step /= 2;
            }

            if (!improved)
            {
                break;
            }
        }

        return TieWeights.FromArray(w);
    }

    /// <summary>The floor that makes "strength above the floor" agree best with "rated 3 or 4" on these ratings.</summary>
    public static double FitFloor(IReadOnlyList<RatedComponents> ratings, TieWeights weights, double sharedThreadsOnlyCap)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var scored = ratings.Select(r => (Strength: Strength(weights, r, sharedThreadsOnlyCap), Strong: r.Rating >= TieEvaluation.StrongRating))
            .OrderBy(s => s.Strength).ToArray();
        // Everything weak: the floor at the top. Then lower it past one strength at a time.
        var (bestFloor, correct) = (1.0, scored.Count(s => !s.Strong));
        var best = correct;
        for (var i = scored.Length - 1; i >= 0; i--)
        {
            correct += scored[i].Strong ? 1 : -1;
            var floor = i == 0 ? 0 : (scored[i].Strength + scored[i - 1].Strength) / 2;
            if (correct > best && (i == 0 || scored[i - 1].Strength < scored[i].Strength))
            {
                (best, bestFloor) = (correct, floor);
            }
        }

        return Math.Round(bestFloor, 4);
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var k = 0; k < a.Length; k++)
        {
            sum += a[k] * b[k];
        }

        return sum;
    }
}
