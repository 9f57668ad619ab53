using System.Globalization;
using System.Text;
using CommunityHub.Domain.Ties;
using CommunityHub.Domain.Ties.Measuring;
using CommunityHub.Infrastructure;
using CommunityHub.Infrastructure.Ties.Evaluation;
using Microsoft.Extensions.Options;

namespace CommunityHub.Web.Tools;

/// <summary><c>evaluate-ties --interactions F --ratings F [--days 240] [--words 50] [--resamples 2000]</c>: measures the
/// tie model against people's own ratings, through the product's store and scorer on a scratch database, next to
/// one-number baselines (docs/ties-evaluation.md). Prints Markdown tables.</summary>
internal static class EvaluateTiesCommand
{
    public static readonly string[] Options = ["--interactions", "--ratings", "--days", "--words", "--resamples"];

    public static async Task<int> RunAsync(WebApplication app, string[] arguments)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < arguments.Length; i++)
        {
            if (Options.Contains(arguments[i]) && i + 1 < arguments.Length)
            {
                values[arguments[i]] = arguments[++i];
            }
            else
            {
                return await UsageAsync($"Unexpected argument '{arguments[i]}'.");
            }
        }

        if (!values.TryGetValue("--interactions", out var interactions) || !values.TryGetValue("--ratings", out var ratings))
        {
            return await UsageAsync("Both --interactions and --ratings are needed.");
        }

        foreach (var path in new[] { interactions, ratings })
        {
            if (!File.Exists(path))
            {
                return await UsageAsync($"No file at {Path.GetFullPath(path)}.");
            }
        }

        var days = double.Parse(values.GetValueOrDefault("--days", "240"), CultureInfo.InvariantCulture);
        var words = int.Parse(values.GetValueOrDefault("--words", "50"), CultureInfo.InvariantCulture);
        var resamples = int.Parse(values.GetValueOrDefault("--resamples", "2000"), CultureInfo.InvariantCulture);
        EvaluationInput input;
        try
        {
            input = EvaluationInput.Read(interactions, ratings, days, words);
        }
        catch (FormatException exception)
        {
            return await UsageAsync(exception.Message);
        }

        var inForce = app.Services.GetRequiredService<IOptions<TieOptions>>().Value;
        var contract = TieOptions.Contract;
        EvaluatedModel[] models =
        [
            new("contract (before)", contract),
            new("contract + words and weeks", contract with { Volume = ContactVolume.WordsAndWeeks }),
            new("contract + structure (weight 0.20)", contract with { StructureWeight = 0.20 }),
            new("contract + strong = among own 5 strongest", contract with { StrongTieRule = StrongTieRule.AmongMembersStrongest }),
            new("in force (after)", inForce),
            new("in force + structure (weight 0.20)", inForce with { StructureWeight = 0.20 }),
        ];

        var connectionString = app.Configuration.GetConnectionString(DependencyInjection.ConnectionStringName)!;
        var report = await TieEvaluationRun.RunAsync(connectionString, input, models, models[4], resamples, app.Lifetime.ApplicationStopping);
        var lines = report.Lines;

        var output = new StringBuilder();
        output.AppendLine(CultureInfo.InvariantCulture, $"{input.People.Count} people, {input.Events.Count} interaction events, {input.Ratings.Count(r => r.Rater != r.Rated)} ratings ({lines[0].Figures.RatedStrongShare:P0} rated 3 or 4); 95% intervals from {resamples} bootstrap resamples of raters.");
        output.AppendLine();
        output.AppendLine("| model | ego-centric ρ [95% CI] | Δρ vs total [95% CI] | AUC strong [95% CI] | called strong | precision | recall | accuracy (always weak) |");
        output.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var line in lines)
        {
            var f = line.Figures;
            output.AppendLine(CultureInfo.InvariantCulture,
                $"| {line.Name} | {Show(f.EgoSpearman)} | {(line.RhoGainOverCount is null ? "—" : Show(line.RhoGainOverCount, signed: true))} | {Show(f.Auc)} | {f.PredictedStrongShare:P0} | {Share(f.Precision)} | {Share(f.Recall)} | {f.Accuracy:P1} ({f.AlwaysWeakAccuracy:P1}) |");
        }

        if (report.Calibration is { } c)
        {
            var w = c.Weights;
            output.AppendLine();
            output.AppendLine(CultureInfo.InvariantCulture,
                $"Calibration on these ratings ({c.Ratings} ratings by {c.Raters} raters, 5-fold cross-validation by rater): held-out ego-centric ρ {c.HeldOutFitted:0.000} fitted against {c.HeldOutCurrent:0.000} in force; {(c.Adopt ? "it would be adopted" : "it would not be adopted")}. {c.Reason}");
            output.AppendLine(CultureInfo.InvariantCulture,
                $"Fitted on all of them: intimacy {w.Intimacy:0.00}, time {w.Time:0.00}, services {w.Services:0.00}, emotional intensity {w.Emotion:0.00}, structure {w.Structure:0.00}; strong-tie floor {c.StrongTieFloor:0.000}.");
        }

        Console.Write(output.ToString());
        return 0;
    }

    private static string Show(Interval? interval, bool signed = false)
    {
        if (interval is null)
        {
            return "—";
        }

        var format = signed ? "+0.000;−0.000;0.000" : "0.000";
        return string.Create(CultureInfo.InvariantCulture, $"{interval.Estimate.ToString(format, CultureInfo.InvariantCulture)} [{interval.Low.ToString(format, CultureInfo.InvariantCulture)}, {interval.High.ToString(format, CultureInfo.InvariantCulture)}]");
    }

    private static string Share(double? value) => value is { } v ? v.ToString("P0", CultureInfo.InvariantCulture) : "—";

    private static async Task<int> UsageAsync(string problem)
    {
        await Console.Error.WriteLineAsync(problem);
        await Console.Error.WriteLineAsync("Usage: evaluate-ties --interactions <file> --ratings <file> [--days 240] [--words 50] [--resamples 2000]   (formats: docs/ties-evaluation.md)");
        return 2;
    }
}
