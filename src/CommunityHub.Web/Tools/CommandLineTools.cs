using CommunityHub.Application.Ties;
using MediatR;

namespace CommunityHub.Web.Tools;

/// <summary>Maintenance commands run with the app's own configuration and database instead of serving:
/// <c>CommunityHub.Web.dll &lt;command&gt; [arguments]</c>, or <c>./run.sh &lt;command&gt; [arguments]</c>.
/// Each command gets the arguments after its name (up to the first <c>--option</c> that is not one of its
/// <see cref="Flags"/>) and returns the process exit code.</summary>
public static class CommandLineTools
{
    /// <summary>Options that commands take. The host's configuration would read the word after one as its value
    /// (<c>--repair --contentRoot dir</c> as repair = "--contentRoot"), so they are kept from it (<see cref="HostArguments"/>).</summary>
    private static readonly HashSet<string> Flags = new([ConsistencyCommand.RepairOption, .. EvaluateTiesCommand.Options], StringComparer.Ordinal);

    private static readonly Dictionary<string, Func<WebApplication, string[], Task<int>>> Commands = new(StringComparer.Ordinal)
    {
        ["rebuild-ties"] = RebuildTiesAsync,
        ["check-consistency"] = ConsistencyCommand.RunAsync,
        ["evaluate-ties"] = EvaluateTiesCommand.RunAsync,
        ["calibrate-ties"] = CalibrateTiesAsync,
        ["export"] = ArchiveCommands.ExportAsync,
        ["import"] = ArchiveCommands.ImportAsync,
        ["move-attachments"] = AttachmentCommands.MoveAsync,
    };

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.ContainsKey(args[0]);

    /// <summary>The arguments meant for the host. A command's own arguments are kept from it: the host's
    /// command-line configuration would read a path such as <c>/tmp/archive.ndjson</c> as a setting's name and
    /// swallow the <c>--contentRoot</c> after it; and a flag such as <c>--repair</c> would take the next option as its value.</summary>
    public static string[] HostArguments(string[] args) =>
        IsCommand(args) ? [.. args.Skip(1).SkipWhile(a => !a.StartsWith("--", StringComparison.Ordinal) || Flags.Contains(a))] : args;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        // Host options such as `--contentRoot dir` follow the command's own arguments.
        var arguments = args.Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal) || Flags.Contains(a)).ToArray();
        return await Commands[args[0]](app, arguments);
    }

    /// <summary>Fits the tie model to the members' ratings and adopts the fit if it beats the model in force (exit 0 either way).</summary>
    private static async Task<int> CalibrateTiesAsync(WebApplication app, string[] arguments)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CalibrateTies.Command(CalibrateTies.Trigger.CommandLine));
        var fit = outcome.Fit!;
        var w = fit.Weights;
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{(fit.Adopted ? "Adopted" : "Not adopted")}: {fit.Reason}{Environment.NewLine}Fitted on {fit.Ratings} ratings by {fit.Raters} members: intimacy {w.Intimacy:0.00}, time {w.Time:0.00}, services {w.Services:0.00}, emotional intensity {w.Emotion:0.00}, structure {w.Structure:0.00}; strong-tie floor {fit.StrongTieFloor:0.00}."));
        return 0;
    }

    /// <summary>Recomputes every tie from history.</summary>
    private static async Task<int> RebuildTiesAsync(WebApplication app, string[] arguments)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RebuildTies.Command());
        app.Logger.LogInformation(
            "Rebuilt {Pairs} ties and {Participants} thread participants from {Posts} posts and {Records} reciprocity records in {Seconds:0.0} s",
            report.Pairs, report.Participants, report.Posts, report.Records, report.Took.TotalSeconds);
        return 0;
    }
}
