using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Ties;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityHub.Infrastructure.Ties;

/// <summary>Settings of the tie work done outside requests (section <c>Ties</c>).</summary>
public sealed class TieWorkOptions
{
    public const string Section = "Ties";

    /// <summary>Whether this instance runs the structure pass.</summary>
    public bool StructurePassEnabled { get; set; } = true;

    /// <summary>How often the structure pass looks for changed pairs (it goes straight on while there are more).</summary>
    public TimeSpan StructurePassInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Changed pairs one pass takes at most: a bound on one transaction.</summary>
    public int StructurePassBatch { get; set; } = 2_000;
}

/// <summary>Keeps the structural component current: every <see cref="TieWorkOptions.StructurePassInterval"/>, one
/// bounded pass over the pairs whose contact changed (several instances share the queue).</summary>
public sealed class TieStructureService(IServiceScopeFactory scopes, IOptions<TieWorkOptions> options, ILogger<TieStructureService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.StructurePassEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.StructurePassInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    int changes;
                    do
                    {
                        await using var scope = scopes.CreateAsyncScope();
                        var done = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RefreshTieStructure.Command(options.Value.StructurePassBatch), stoppingToken);
                        changes = done.Changes;
                        if (changes > 0)
                        {
                            logger.LogInformation("Structure pass: {Changes} changed pairs, {Ties} ties rescored", done.Changes, done.Ties);
                        }
                    }
                    while (changes >= options.Value.StructurePassBatch && !stoppingToken.IsCancellationRequested);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogError(exception, "The structure pass failed; trying again at the next tick");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}

/// <summary>Keeps this instance's model in force in step with the database: at start, then every minute (a fit
/// adopted on another instance reaches this one within that time).</summary>
public sealed class TieModelRefresher(IServiceScopeFactory scopes, TieModelInForce model, ILogger<TieModelRefresher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await model.RefreshAsync(scope.ServiceProvider.GetRequiredService<ICommunityDb>(), stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Reading the tie model in force failed; keeping the one in use");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

/// <summary>The weekly calibration: every hour each instance asks; the one that takes the advisory lock and finds
/// the last calibration a week old runs it (<see cref="CalibrateTies"/>).</summary>
public sealed class TieCalibrationService(IServiceScopeFactory scopes, IOptions<TieCalibrationOptions> options, ILogger<TieCalibrationService> logger) : BackgroundService
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.CalibrationEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(CheckInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var outcome = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CalibrateTies.Command(CalibrateTies.Trigger.Weekly), stoppingToken);
                    if (outcome.Fit is { } fit)
                    {
                        logger.LogInformation("Weekly tie calibration on {Ratings} ratings: {Verdict}", fit.Ratings, fit.Reason);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogError(exception, "The weekly tie calibration failed; trying again at the next check");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
