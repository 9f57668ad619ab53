using CommunityHub.Application.Attachments;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityHub.Infrastructure.Attachments;

/// <summary>Removes uploads never posted (<see cref="RemoveUnpostedAttachments"/>), every
/// <see cref="AttachmentOptions.CleanupInterval"/>, a batch at a time while there are more. Several instances may run
/// it: each removal is one transaction, and a second instance finds the rows gone.</summary>
public sealed class AttachmentCleanupService(IServiceScopeFactory scopes, IOptions<AttachmentOptions> options, ILogger<AttachmentCleanupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.CleanupEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.CleanupInterval);
        while (true)
        {
            try
            {
                int removed;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    removed = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RemoveUnpostedAttachments.Command(), stoppingToken);
                    if (removed > 0)
                    {
                        logger.LogInformation("Removed {Count} uploads that were never posted", removed);
                    }
                }
                while (removed == RemoveUnpostedAttachments.BatchSize);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Removing unposted uploads failed; trying again at the next check");
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
