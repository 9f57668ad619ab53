using System.Diagnostics;
using System.Globalization;
using CommunityHub.Infrastructure;
using Npgsql;

namespace CommunityHub.Web.Operations;

/// <summary>At start-up the app waits for its database: compose and orchestrators start it alongside PostgreSQL,
/// often before PostgreSQL accepts connections. It tries again with a growing pause (½ s doubling up to 10 s),
/// saying so in the log each time, for at most <c>Startup:DatabaseWait</c> (default 2 minutes); then, or at once
/// for a failure that waiting cannot cure (a wrong password, a missing database), it logs why and exits 1.</summary>
public static class DatabaseStartup
{
    public static readonly TimeSpan DefaultWait = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(500);

    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(10);

    /// <summary>True once a connection opens; false (logged) when the wait is over or cannot succeed.</summary>
    public static async Task<bool> WaitForDatabaseAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup).FullName!);
        var bound = app.Configuration.GetValue("Startup:DatabaseWait", DefaultWait);
        var connectionString = app.Configuration.GetConnectionString(DependencyInjection.ConnectionStringName)!;
        var database = Describe(connectionString);
        var waited = Stopwatch.StartNew();
        var pause = FirstPause;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                if (attempt > 1)
                {
                    logger.LogInformation("Reached the database at {Database} after {Waited:0.0} s and {Attempts} attempts", database, waited.Elapsed.TotalSeconds, attempt);
                }

                return true;
            }
            catch (Exception exception) when (DatabaseOutage.IsCause(exception))
            {
                var remaining = bound - waited.Elapsed;
                if (remaining <= TimeSpan.Zero)
                {
                    logger.LogCritical("Gave up waiting for the database at {Database} after {Waited:0.0} s ({Attempts} attempts): {Reason}. Start PostgreSQL, or allow longer with Startup__DatabaseWait (now {Bound})",
                        database, waited.Elapsed.TotalSeconds, attempt, Reason(exception), bound.ToString("c", CultureInfo.InvariantCulture));
                    return false;
                }

                // The last try falls on the bound itself.
                var next = pause < remaining ? pause : remaining;
                logger.LogWarning("Waiting for the database at {Database}: {Reason}. Trying again in {Pause:0.0} s (giving up after {Bound})",
                    database, Reason(exception), next.TotalSeconds, bound.ToString("c", CultureInfo.InvariantCulture));
                await Task.Delay(next, cancellationToken);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
            }
            catch (NpgsqlException exception)
            {
                logger.LogCritical("Cannot use the database at {Database}: {Reason}. Check ConnectionStrings__Community", database, Reason(exception));
                return false;
            }
        }
    }

    /// <summary>Host, port and database: never the password.</summary>
    private static string Describe(string connectionString)
    {
        var parts = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{parts.Host}:{parts.Port}/{parts.Database}";
    }

    /// <summary>"Failed to connect to 127.0.0.1:5432: Connection refused", "57P03: the database system is starting
    /// up": the outer and innermost messages, without a stack trace.</summary>
    private static string Reason(Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return ReferenceEquals(innermost, exception) ? exception.Message : $"{exception.Message}: {innermost.Message}";
    }
}
