using CommunityHub.Domain.Members;
using CommunityHub.Domain.Ties;
using CommunityHub.Domain.Ties.Measuring;
using CommunityHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommunityHub.Infrastructure.Ties.Evaluation;

/// <summary>A model to evaluate: a name and the tie options it scores with.</summary>
public sealed record EvaluatedModel(string Name, TieOptions Options);

/// <summary>One line of the evaluation: a model's or a baseline's figures, and its ρ against the first baseline.</summary>
public sealed record EvaluationLine(string Name, TieFigures Figures, Interval? RhoGainOverCount, IReadOnlyList<RatedTie> Ties);

/// <summary>The evaluation's lines, and what the calibration would make of these ratings (cross-validated by rater).</summary>
public sealed record EvaluationReport(IReadOnlyList<EvaluationLine> Lines, CalibrationResult? Calibration);

/// <summary>Runs the evaluation through the product's own code: the events go through <see cref="TieContribution"/>
/// into the real <see cref="TieStore"/> on a scratch PostgreSQL database (created next to the configured one and
/// dropped afterwards), the structure pass runs as in production, and the stored ties are scored by
/// <see cref="TieScorer"/> and judged strong by its rule. Baselines score the raw interaction counts.</summary>
public static class TieEvaluationRun
{
    /// <param name="calibrateOn">The model whose components the calibration refits (cross-validated), if any.</param>
    public static async Task<EvaluationReport> RunAsync(
        string connectionString, EvaluationInput input, IReadOnlyList<EvaluatedModel> models, EvaluatedModel? calibrateOn, int resamples, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(models);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var scratch = $"{builder.Database}_evaluate_{Guid.NewGuid():N}"[..Math.Min(63, $"{builder.Database}_evaluate_".Length + 12)];
        await using (var admin = new NpgsqlConnection(connectionString))
        {
            await admin.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{scratch}\"", admin);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            builder.Database = scratch;
            builder.Pooling = false;
            // No retrying strategy: the load runs its own transactions, one day of events each.
            var options = new DbContextOptionsBuilder<CommunityDbContext>().UseNpgsql(builder.ConnectionString).UseSnakeCaseNamingConvention().Options;
            await using (var db = new CommunityDbContext(options))
            {
                await db.Database.MigrateAsync(cancellationToken);
                foreach (var (name, id) in input.People)
                {
                    db.Members.Add(Member.Join(id, name, $"person-{id.ToString()[^6..]}", EvaluationInput.StudyStart));
                }

                await db.SaveChangesAsync(cancellationToken);
            }

            var lines = new List<EvaluationLine>();
            var count = Baseline(input, (a, b) => a + b);
            lines.Add(Line("total interactions", count, null, resamples, input));
            lines.Add(Line("log(1 + total)", Baseline(input, (a, b) => Math.Log(1 + a + b)), count, resamples, input));
            lines.Add(Line("min of the two directions", Baseline(input, Math.Min), count, resamples, input));
            foreach (var model in models)
            {
                await using var db = new CommunityDbContext(options);
                var scored = await ScoreThroughTheStoreAsync(db, input, model.Options, cancellationToken);
                lines.Add(Line(model.Name, scored, count, resamples, input));
            }

            CalibrationResult? calibration = null;
            if (calibrateOn is not null)
            {
                await using var db = new CommunityDbContext(options);
                var scored = await ScoreThroughTheStoreAsync(db, input, calibrateOn.Options, cancellationToken);
                var o = calibrateOn.Options;
                calibration = TieCalibration.Calibrate(
                    Components(scored, input, new TieScorer(o)), TieWeights.Of(o), o.StrongTieFloor, o.SharedThreadsOnlyCap,
                    margin: TieCalibrationDefaults.Margin, minimumRatings: TieCalibrationDefaults.MinimumRatings, minimumRaters: TieCalibrationDefaults.MinimumRaters);
            }

            return new EvaluationReport(lines, calibration);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(connectionString);
            await admin.OpenAsync(CancellationToken.None);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{scratch}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>The stored ties of every pair, scored: the ratings are looked up in it (0 and weak where no tie).</summary>
    public sealed record Scored(IReadOnlyDictionary<MemberPair, TieScore> Scores, IReadOnlyDictionary<(Guid Member, Guid Other), bool> Strong);

    /// <summary>Loads the events into the tie store (a day's events per call, as a busy day's replies would arrive),
    /// runs the structure pass until nothing is queued, and scores every stored tie at the study's end.</summary>
    public static async Task<Scored> ScoreThroughTheStoreAsync(CommunityDbContext db, EvaluationInput input, TieOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(input);
        await db.Database.ExecuteSqlRawAsync("TRUNCATE ties, tie_structure_queue", cancellationToken);
        var scorer = new TieScorer(options);
        var store = new TieStore(db, scorer);
        foreach (var day in input.Events.GroupBy(e => e.At.UtcDateTime.Date).OrderBy(g => g.Key))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await store.ApplyAsync([.. day.Select(e => TieContribution.Of(e, options))], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var pass = await store.RefreshStructureAsync(5_000, input.Now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (pass.Changes == 0)
            {
                break;
            }
        }

        var ties = await db.Ties.AsNoTracking().ToListAsync(cancellationToken);
        var scores = ties.ToDictionary(t => MemberPair.Of(t.MemberLowId, t.MemberHighId), t => scorer.Score(t.ToState(), input.Now));
        var strong = new Dictionary<(Guid, Guid), bool>();
        foreach (var member in input.People.Values)
        {
            var own = scores.Where(s => s.Key.Contains(member)).ToList();
            var flags = scorer.StrongFlags([.. own.Select(s => s.Value.Strength)]);
            for (var i = 0; i < own.Count; i++)
            {
                strong[(member, own[i].Key.Other(member))] = flags[i];
            }
        }

        return new Scored(scores, strong);
    }

    /// <summary>A one-number baseline: f(messages one way, messages the other), strong among the rater's five highest (like the model's rule).</summary>
    private static Scored Baseline(EvaluationInput input, Func<double, double, double> score)
    {
        var scores = new Dictionary<MemberPair, TieScore>();
        foreach (var ((from, to), _) in input.Interactions)
        {
            var pair = MemberPair.Of(from, to);
            var value = score(input.Interactions.GetValueOrDefault((pair.Low, pair.High)), input.Interactions.GetValueOrDefault((pair.High, pair.Low)));
            scores[pair] = TieScore.None with { Strength = value };
        }

        var rule = new TieScorer(TieOptions.Default with { StrongTieFloor = double.NegativeInfinity });
        var strong = new Dictionary<(Guid, Guid), bool>();
        foreach (var member in input.People.Values)
        {
            var own = scores.Where(s => s.Key.Contains(member) && s.Value.Strength > 0).ToList();
            var flags = rule.StrongFlags([.. own.Select(s => s.Value.Strength)]);
            for (var i = 0; i < own.Count; i++)
            {
                strong[(member, own[i].Key.Other(member))] = flags[i];
            }
        }

        return new Scored(scores, strong);
    }

    private static EvaluationLine Line(string name, Scored scored, Scored? count, int resamples, EvaluationInput input)
    {
        var ties = RatedTies(scored, input);
        var gain = count is null ? null : TieEvaluation.SpearmanDifference(RatedTies(count, input), ties, resamples);
        return new EvaluationLine(name, TieEvaluation.Measure(ties, resamples), gain, ties);
    }

    private static List<RatedTie> RatedTies(Scored scored, EvaluationInput input) =>
        [.. input.Ratings.Where(r => r.Rater != r.Rated).Select(r =>
        {
            var pair = MemberPair.Of(r.Rater, r.Rated);
            return new RatedTie(r.Rater, r.Rated, r.Rating, scored.Scores.TryGetValue(pair, out var s) ? s.Strength : 0, scored.Strong.GetValueOrDefault((r.Rater, r.Rated)));
        })];

    /// <summary>Each rated pair's five components under a model: what the calibration fits.</summary>
    public static List<RatedComponents> Components(Scored scored, EvaluationInput input, TieScorer scorer)
    {
        ArgumentNullException.ThrowIfNull(scored);
        ArgumentNullException.ThrowIfNull(input);
        return [.. input.Ratings.Where(r => r.Rater != r.Rated).Select(r =>
        {
            var found = scored.Scores.TryGetValue(MemberPair.Of(r.Rater, r.Rated), out var s);
            return new RatedComponents(r.Rater, r.Rated, r.Rating, TieWeights.Components(found ? s! : TieScore.None), found);
        })];
    }
}
