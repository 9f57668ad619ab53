using CommunityHub.Domain.Common;

namespace CommunityHub.Application.Common.Events;

/// <summary>Subscribes to one kind of domain event. Runs inside the use case's transaction, after its work and
/// before the single save: it adds rows (never saves them) and reads only what the event cannot carry.</summary>
public interface IDomainEventSubscriber<in TEvent>
    where TEvent : IDomainEvent
{
    Task Handle(TEvent domainEvent, CancellationToken cancellationToken);
}
