using CommunityHub.Application.Notifications;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityHub.Infrastructure.Email;

/// <summary>Sends queued e-mail outside any request: a batch at a time, straight on while there is more, else
/// every <see cref="EmailOptions.PollInterval"/>.</summary>
public sealed class EmailSendingService(IServiceScopeFactory scopes, IOptions<EmailOptions> options, ILogger<EmailSendingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DispatchEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                claimed = await scope.ServiceProvider.GetRequiredService<EmailDispatcher>().DispatchDueAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database may be away for a moment; the messages wait in it.
                logger.LogError(exception, "Sending queued e-mail failed; trying again shortly");
            }

            if (claimed < options.Value.BatchSize)
            {
                try
                {
                    await Task.Delay(options.Value.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}

/// <summary>Makes the daily digests: looks every <see cref="DigestOptions.CheckInterval"/> for members whose digest is
/// due (a day after their last). Several instances may run it: a digest is claimed by moving its date in SQL.</summary>
public sealed class DigestService(IServiceScopeFactory scopes, IOptions<DigestOptions> options, ILogger<DigestService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.CheckInterval);
        while (true)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var made = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SendDailyDigests.Command(), stoppingToken);
                if (made > 0)
                {
                    logger.LogInformation("Queued {Count} daily digests", made);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Making the daily digests failed; trying again at the next check");
            }

            try
            {
                if (!await timer.WaitForNextTickAsync(stoppingToken))
                {
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

public sealed class DigestOptions
{
    public const string Section = "Digest";

    public bool Enabled { get; set; } = true;

    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(15);
}
