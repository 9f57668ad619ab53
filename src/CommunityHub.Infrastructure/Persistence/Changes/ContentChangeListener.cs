using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CommunityHub.Infrastructure.Persistence.Changes;

/// <summary>Hears the other instances' changes: one connection per instance LISTENs on
/// <see cref="ContentChanges.Channel"/>, and each notification (sent by <see cref="ContentChangeInterceptor"/> in the
/// writing transaction, so delivered when it commits) is published here. While the connection is down nothing kept
/// may be trusted: <see cref="ContentChanges.Listening"/> turns false, and the connection is retried with a backoff.</summary>
public sealed class ContentChangeListener(ContentChanges changes, string connectionString, ILogger<ContentChangeListener> logger) : BackgroundService
{
    /// <summary>A quiet connection is checked this often (a round trip), so a dead one is noticed.</summary>
    private const int QuietMilliseconds = 30_000;

    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, notification) => changes.Hear(notification.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {ContentChanges.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                changes.ListeningChanged(true);
                if (failures > 0)
                {
                    logger.LogInformation("Hearing the other instances' changes again, after {Failures} failed attempts", failures);
                }

                failures = 0;
                while (true)
                {
                    if (!await connection.WaitAsync(QuietMilliseconds, stoppingToken))
                    {
                        await using var ping = new NpgsqlCommand("SELECT 1", connection);
                        await ping.ExecuteNonQueryAsync(stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // Whatever went wrong, the instance goes on without kept pages (a background service that threw
                // would stop the host) and tries again.
                changes.ListeningChanged(false);
                failures++;
                if (failures == 1)
                {
                    logger.LogWarning(exception, "Lost the connection that hears the other instances' changes; pages are not cached until it is back");
                }

                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(Math.Min(Math.Pow(2, failures - 1), LongestWait.TotalSeconds)), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        changes.ListeningChanged(false);
    }
}
