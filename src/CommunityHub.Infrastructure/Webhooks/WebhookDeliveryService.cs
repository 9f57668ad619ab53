using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityHub.Infrastructure.Webhooks;

/// <summary>Fans out and delivers webhooks outside any request, on every instance: straight on while there is more,
/// else every <see cref="WebhookOptions.PollInterval"/>; and every <see cref="WebhookOptions.PruneInterval"/> removes
/// what was sent longer ago than <see cref="WebhookOptions.RetainFor"/>. A user's request only ever writes the outbox row.</summary>
public sealed class WebhookDeliveryService(IServiceScopeFactory scopes, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookDeliveryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DispatchEnabled)
        {
            return;
        }

        var nextPrune = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var dispatcher = scope.ServiceProvider.GetRequiredService<WebhookDispatcher>();
                var fannedOut = await dispatcher.FanOutAsync(stoppingToken);
                var delivered = await dispatcher.DeliverDueAsync(stoppingToken);
                busy = fannedOut >= options.Value.BatchSize || delivered >= options.Value.BatchSize;
                if (clock.GetUtcNow() >= nextPrune)
                {
                    await dispatcher.PruneAsync(stoppingToken);
                    nextPrune = clock.GetUtcNow() + options.Value.PruneInterval;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database may be away for a moment; the outbox waits in it.
                logger.LogError(exception, "Delivering webhooks failed; trying again shortly");
            }

            if (!busy)
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
