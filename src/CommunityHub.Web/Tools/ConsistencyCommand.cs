using CommunityHub.Application.Maintenance;
using MediatR;

namespace CommunityHub.Web.Tools;

/// <summary><c>check-consistency [--repair]</c>: reports where counters (ideas' votes among them), ties, thread participants or post
/// addressees drifted from what the rows say, and exits 1 if anything did (0 when consistent). With
/// <c>--repair</c> it then recounts and rebuilds, checks again, and exits 0 only if the repair left nothing.</summary>
internal static class ConsistencyCommand
{
    public const string RepairOption = "--repair";

    public static async Task<int> RunAsync(WebApplication app, string[] arguments)
    {
        var repair = arguments.Contains(RepairOption);
        var report = await CheckAsync(app);
        if (report.IsConsistent || !repair)
        {
            return report.IsConsistent ? 0 : 1;
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var repaired = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RepairConsistency.Command());
            app.Logger.LogWarning(
                "Repaired: recounted {Threads} threads, {Spaces} spaces and {Ideas} ideas' votes, rebuilt {Pairs} ties from {Posts} posts and {Records} reciprocity records",
                repaired.Counters.ThreadsCorrected, repaired.Counters.SpacesCorrected, repaired.Counters.IdeasCorrected, repaired.Ties.Pairs, repaired.Ties.Posts, repaired.Ties.Records);
        }

        return (await CheckAsync(app)).IsConsistent ? 0 : 1;
    }

    private static async Task<CheckConsistency.Report> CheckAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CheckConsistency.Query());
        foreach (var drift in report.Examples)
        {
            app.Logger.LogWarning("Drift in {Kind} of {Subject}: stored {Stored}, expected {Expected}", drift.Kind, drift.Subject, drift.Stored, drift.Expected);
        }

        // Printed as well as logged, so that it shows whatever the log level.
        Console.WriteLine(report.IsConsistent
            ? $"Consistent: {report.Threads} threads, {report.Spaces} spaces, {report.Ties} ties, {report.Posts} posts checked."
            : $"Drift found: {report.DriftCount} stored values disagree with the history ({report.Examples.Count} shown above); run check-consistency --repair to fix them.");
        return report;
    }
}
