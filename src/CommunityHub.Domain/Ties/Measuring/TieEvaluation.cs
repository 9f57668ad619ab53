namespace CommunityHub.Domain.Ties.Measuring;

/// <summary>One rated tie as a model saw it: <see cref="Rater"/>'s own rating of <see cref="Rated"/> (the EIES
/// scale, 0 unknown … 4 close personal friend), the model's score of the pair and whether the model calls the
/// tie strong for the rater.</summary>
public sealed record RatedTie(Guid Rater, Guid Rated, int Rating, double Score, bool PredictedStrong);

/// <summary>An estimate with its 95% bootstrap interval (percentiles).</summary>
public sealed record Interval(double Estimate, double Low, double High);

/// <summary>What the evaluation reports for one model.</summary>
public sealed record TieFigures(Interval? EgoSpearman, Interval? Auc, int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives, int Egos)
{
    public int Ties => TruePositives + FalsePositives + FalseNegatives + TrueNegatives;

    public double? Precision => TruePositives + FalsePositives == 0 ? null : (double)TruePositives / (TruePositives + FalsePositives);

    public double? Recall => TruePositives + FalseNegatives == 0 ? null : (double)TruePositives / (TruePositives + FalseNegatives);

    public double Accuracy => Ties == 0 ? 0 : (double)(TruePositives + TrueNegatives) / Ties;

    /// <summary>The accuracy of calling every tie weak: the share of ties people did not call strong.</summary>
    public double AlwaysWeakAccuracy => Ties == 0 ? 0 : (double)(FalsePositives + TrueNegatives) / Ties;

    public double PredictedStrongShare => Ties == 0 ? 0 : (double)(TruePositives + FalsePositives) / Ties;

    public double RatedStrongShare => Ties == 0 ? 0 : (double)(TruePositives + FalseNegatives) / Ties;
}

/// <summary>How social-network research measures a tie-strength model against people's own ratings: the
/// ego-centric Spearman ρ (for each rater, rank their ties by the model and by their ratings, correlate, average
/// over raters), the AUC for strong ties (rating ≥ 3) over all rated ties, and the strong/weak rule's confusion
/// against the ratings. Intervals come from a bootstrap over raters (the unit that was sampled).</summary>
public static class TieEvaluation
{
    /// <summary>"Friend" on the EIES scale: a rating at or above this is a strong tie.</summary>
    public const int StrongRating = 3;

    public static TieFigures Measure(IReadOnlyCollection<RatedTie> ties, int resamples = 2000, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(ties);
        var egos = ties.GroupBy(t => t.Rater).Select(g => g.ToArray()).ToArray();
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var t in ties)
        {
            var strong = t.Rating >= StrongRating;
            _ = (t.PredictedStrong, strong) switch
            {
                (true, true) => tp++,
                (true, false) => fp++,
                (false, true) => fn++,
                _ => tn++,
            };
        }

        var rho = Bootstrap(egos, EgoSpearman, resamples, seed);
        var auc = Bootstrap(egos, Auc, resamples, seed);
        return new TieFigures(rho, auc, tp, fp, fn, tn, egos.Length);
    }

    /// <summary>The difference in ego-centric ρ between two models scored on the same ties (second minus first),
    /// with a paired bootstrap interval: both are recomputed on each resample of raters.</summary>
    public static Interval? SpearmanDifference(IReadOnlyCollection<RatedTie> first, IReadOnlyCollection<RatedTie> second, int resamples = 2000, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var scores = second.ToDictionary(t => (t.Rater, t.Rated), t => t.Score);
        var egos = first.GroupBy(t => t.Rater).Select(g => g.Select(t => (First: t, Second: t with { Score = scores[(t.Rater, t.Rated)] })).ToArray()).ToArray();
        return Bootstrap(egos, sample =>
            EgoSpearman(sample.Select(e => e.Select(p => p.Second).ToArray()).ToArray()) - EgoSpearman(sample.Select(e => e.Select(p => p.First).ToArray()).ToArray()),
            resamples, seed);
    }

    /// <summary>The mean over raters of Spearman's ρ between the model's scores and the rater's ratings; raters
    /// whose ratings (or scores) are all equal have no ρ and are left out.</summary>
    public static double? EgoSpearman(IReadOnlyList<RatedTie[]> egos)
    {
        ArgumentNullException.ThrowIfNull(egos);
        var (sum, count) = (0.0, 0);
        foreach (var ego in egos)
        {
            if (Spearman([.. ego.Select(t => t.Score)], [.. ego.Select(t => (double)t.Rating)]) is { } rho)
            {
                sum += rho;
                count++;
            }
        }

        return count == 0 ? null : sum / count;
    }

    /// <summary>The probability that a tie its rater called strong scores above one they did not (ties count one half).</summary>
    public static double? Auc(IReadOnlyList<RatedTie[]> egos)
    {
        ArgumentNullException.ThrowIfNull(egos);
        var all = egos.SelectMany(e => e).ToArray();
        var positives = all.Count(t => t.Rating >= StrongRating);
        var negatives = all.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return null;
        }

        var ranks = Ranks([.. all.Select(t => t.Score)]);
        var positiveRanks = all.Select((t, i) => t.Rating >= StrongRating ? ranks[i] : 0).Sum();
        return (positiveRanks - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }

    /// <summary>Spearman's ρ: Pearson's correlation of the average ranks. Null when either side is constant.</summary>
    public static double? Spearman(double[] x, double[] y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        return x.Length < 2 ? null : Pearson(Ranks(x), Ranks(y));
    }

    /// <summary>1-based ranks, ties sharing their average rank.</summary>
    public static double[] Ranks(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Length];
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && values[order[j + 1]] == values[order[i]])
            {
                j++;
            }

            for (var k = i; k <= j; k++)
            {
                ranks[order[k]] = ((i + j) / 2.0) + 1;
            }

            i = j + 1;
        }

        return ranks;
    }

    private static double? Pearson(double[] x, double[] y)
    {
        var (mx, my) = (x.Average(), y.Average());
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxx <= 0 || syy <= 0 ? null : sxy / Math.Sqrt(sxx * syy);
    }

    private static Interval? Bootstrap<T>(T[][] egos, Func<IReadOnlyList<T[]>, double?> statistic, int resamples, int seed)
    {
        if (statistic(egos) is not { } estimate)
        {
            return null;
        }

        var random = new Random(seed);
        var values = new List<double>(resamples);
        var sample = new T[egos.Length][];
        for (var r = 0; r < resamples; r++)
        {
            for (var i = 0; i < sample.Length; i++)
            {
                sample[i] = egos[random.Next(egos.Length)];
            }

            if (statistic(sample) is { } value)
            {
                values.Add(value);
            }
        }

        if (values.Count == 0)
        {
            return new Interval(estimate, estimate, estimate);
        }

        values.Sort();
        return new Interval(estimate, values[(int)Math.Floor(0.025 * (values.Count - 1))], values[(int)Math.Ceiling(0.975 * (values.Count - 1))]);
    }
}
