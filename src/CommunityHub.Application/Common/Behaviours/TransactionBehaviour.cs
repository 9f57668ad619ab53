using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CommunityHub.Application.Common.Behaviours;

/// <summary>Innermost, commands only: the whole use case is one database transaction, run inside the
/// provider's execution strategy so a transient failure retries the whole unit, never half of it. The handler
/// changes aggregates; the <see cref="UnitOfWork"/> dispatches their events and saves once; then it commits.
/// A command sent from inside another command joins the open transaction and its work.</summary>
public sealed class TransactionBehaviour<TRequest, TResponse>(ICommunityDb db, UnitOfWork work, ILogger<TransactionBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommandMarker || db.Database.CurrentTransaction is not null)
        {
            return await next();
        }

        var strategy = db.Database.CreateExecutionStrategy();
        var committed = await strategy.ExecuteAsync(async () =>
        {
            // A retried attempt starts from nothing: what the failed attempt tracked or gathered was rolled back.
            db.ChangeTracker.Clear();
            work.Reset();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var response = await next();
            await work.CompleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("{UseCase} committed", UseCaseName.Of(typeof(TRequest)));
            return response;
        });

        // Outside the retried unit: what follows a commit runs once, and only for the attempt that committed.
        await work.CommittedAsync(cancellationToken);
        return committed;
    }
}
