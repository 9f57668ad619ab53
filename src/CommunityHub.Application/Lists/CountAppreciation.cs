using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Events;
using CommunityHub.Domain.Reciprocity;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Lists;

/// <summary>Keeps <see cref="Domain.Threads.DiscussionThread.Appreciation"/>, the "top" order's count, as records of
/// help are given and taken back: one UPDATE in the cause's transaction, so two at once both count.</summary>
public sealed class CountAppreciation(ICommunityDb db) : IDomainEventSubscriber<ReciprocityGiven>, IDomainEventSubscriber<ReciprocityRetracted>
{
    public Task Handle(ReciprocityGiven domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return MoveAsync(domainEvent.Record.ThreadId, 1, cancellationToken);
    }

    public Task Handle(ReciprocityRetracted domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return MoveAsync(domainEvent.Record.ThreadId, -1, cancellationToken);
    }

    private async Task MoveAsync(long threadId, int by, CancellationToken cancellationToken) =>
        await db.Threads.Where(t => t.Id == threadId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Appreciation, t => t.Appreciation + by > 0 ? t.Appreciation + by : 0), cancellationToken);
}
