using System.Diagnostics;
using CommunityHub.Infrastructure.Archive;
using CommunityHub.Infrastructure.Persistence;

namespace CommunityHub.Web.Tools;

/// <summary><c>export &lt;file|-&gt;</c> and <c>import &lt;file&gt;</c>: the whole community as an NDJSON archive
/// (docs/archive-format.md), streamed both ways.</summary>
internal static class ArchiveCommands
{
    public static async Task<int> ExportAsync(WebApplication app, string[] arguments)
    {
        if (arguments.Length != 1)
        {
            await Console.Error.WriteLineAsync("Usage: export <file>   (or `export -` to write the archive to standard output)");
            return 2;
        }

        var toStandardOutput = arguments[0] == "-";
        var stopwatch = Stopwatch.StartNew();
        Stream output;
        if (toStandardOutput)
        {
            // The archive owns standard output: anything logged from here on goes to standard error.
            output = Console.OpenStandardOutput();
            Console.SetOut(Console.Error);
        }
        else
        {
            output = new FileStream(arguments[0], FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
        }

        IReadOnlyDictionary<string, long> counts;
        await using (output)
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var exporter = new CommunityExporter(scope.ServiceProvider.GetRequiredService<CommunityDbContext>(), scope.ServiceProvider.GetRequiredService<Application.Attachments.IAttachmentStore>());
            counts = await exporter.ExportAsync(output, app.Services.GetRequiredService<TimeProvider>().GetUtcNow(), app.Lifetime.ApplicationStopping);
        }

        app.Logger.LogInformation(
            "Exported {Records} records ({Members} members, {Posts} posts) to {Archive} in {Seconds:0.0} s",
            counts.Values.Sum(), counts["member"], counts["post"], toStandardOutput ? "standard output" : Path.GetFullPath(arguments[0]),
            stopwatch.Elapsed.TotalSeconds);
        return 0;
    }

    public static async Task<int> ImportAsync(WebApplication app, string[] arguments)
    {
        if (arguments.Length != 1)
        {
            await Console.Error.WriteLineAsync("Usage: import <file>");
            return 2;
        }

        if (!File.Exists(arguments[0]))
        {
            await Console.Error.WriteLineAsync($"No archive at {Path.GetFullPath(arguments[0])}.");
            return 2;
        }

        var stopwatch = Stopwatch.StartNew();
        try
        {
            await using var input = new FileStream(arguments[0], FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
            await using var scope = app.Services.CreateAsyncScope();
            var importer = new CommunityImporter(scope.ServiceProvider.GetRequiredService<CommunityDbContext>(), scope.ServiceProvider.GetRequiredService<Application.Attachments.IAttachmentStore>());
            var counts = await importer.ImportAsync(input, app.Lifetime.ApplicationStopping);
            app.Logger.LogInformation(
                "Imported {Records} records ({Members} members, {Posts} posts) from {Archive} in {Seconds:0.0} s; members sign in after choosing a password with \"forgot password\"",
                counts.Values.Sum(), counts.GetValueOrDefault("member"), counts.GetValueOrDefault("post"), Path.GetFullPath(arguments[0]),
                stopwatch.Elapsed.TotalSeconds);
            return 0;
        }
        catch (ArchiveException e)
        {
            app.Logger.LogError("Import refused: {Reason}", e.Message);
            return 1;
        }
    }
}
