using System.Diagnostics;
using CommunityHub.Application.Common.Abstractions;
using MediatR;
using Microsoft.Extensions.Logging;

namespace CommunityHub.Application.Common.Behaviours;

/// <summary>Outermost: names the use case and who sent it, and how long it took. Never logs the request
/// itself: it may carry a password.</summary>
public sealed class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger, ICurrentUser currentUser)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var name = UseCaseName.Of(typeof(TRequest));
        var started = Stopwatch.GetTimestamp();
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["UseCase"] = name, ["MemberId"] = currentUser.MemberId });
        var response = await next();
        logger.LogDebug("{UseCase} handled for {MemberId} in {ElapsedMs:0.0} ms", name, currentUser.MemberId, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return response;
    }
}

internal static class UseCaseName
{
    /// <summary>"StartThread.Command" rather than "Command".</summary>
    public static string Of(Type requestType) =>
        requestType.DeclaringType is { } owner ? $"{owner.Name}.{requestType.Name}" : requestType.Name;
}
