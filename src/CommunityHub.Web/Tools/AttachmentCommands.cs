using CommunityHub.Infrastructure.Attachments;

namespace CommunityHub.Web.Tools;

/// <summary><c>./run.sh move-attachments to-s3</c> or <c>to-database</c>: moves the stored files between the database and
/// the bucket set in <c>Attachments:S3</c> (see the README's Attachments section for the order of steps).</summary>
public static class AttachmentCommands
{
    public static async Task<int> MoveAsync(WebApplication app, string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(arguments);
        var direction = arguments.FirstOrDefault();
        if (direction is not ("to-s3" or "to-database"))
        {
            await Console.Error.WriteLineAsync("Usage: move-attachments to-s3 | to-database   (the bucket comes from the Attachments:S3 settings)");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var mover = ActivatorUtilities.CreateInstance<AttachmentMover>(scope.ServiceProvider);
        var moved = direction == "to-s3"
            ? await mover.ToBucketAsync(app.Lifetime.ApplicationStopping)
            : await mover.ToDatabaseAsync(app.Lifetime.ApplicationStopping);
        Console.WriteLine($"Moved {moved} stored copies {(direction == "to-s3" ? "to the bucket" : "to the database")}.");
        return 0;
    }
}
