using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityHub.Infrastructure.Escalation;

/// <summary>Sends escalations outside any request, on every instance: a batch at a time, straight on while there is
/// more, else every <see cref="EscalationOptions.PollInterval"/>.</summary>
public sealed class EscalationSendingService(IServiceScopeFactory scopes, IOptions<EscalationOptions> options, ILogger<EscalationSendingService> logger) : BackgroundService
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
                claimed = await scope.ServiceProvider.GetRequiredService<EscalationDispatcher>().DispatchDueAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database may be away for a moment; the escalations wait in it.
                logger.LogError(exception, "Sending escalations failed; trying again shortly");
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

public static class EscalationServices
{
    /// <summary>Escalation to the support desk: the desk's client and the background sender (issue 17).</summary>
    public static IServiceCollection AddEscalation(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.Configure<EscalationOptions>(configuration.GetSection(EscalationOptions.Section));
        // No redirects: the desk's address is the one an admin entered, and the Authorization header goes nowhere else.
        services.AddHttpClient(DeskClient.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false });
        services.AddScoped<DeskClient>();
        services.AddScoped<EscalationDispatcher>();
        services.AddHostedService<EscalationSendingService>();
        return services;
    }
}
