namespace CommunityHub.Domain.Common;

/// <summary>An entity that guards its own state and records what happened to it (eShop's <c>Order</c>, with
/// CleanArchitecture's event list). Events are taken, not read: <see cref="TakeDomainEvents"/> empties the list,
/// so an event is dispatched once however often the unit of work looks.</summary>
public abstract class AggregateRoot
{
    // A field, not a property: EF Core maps properties, and events are never stored.
    private readonly List<IDomainEvent> _domainEvents = [];

    public bool HasDomainEvents => _domainEvents.Count > 0;

    public IReadOnlyList<IDomainEvent> TakeDomainEvents()
    {
        var taken = _domainEvents.ToList();
        _domainEvents.Clear();
        return taken;
    }

    protected void Record(IDomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        _domainEvents.Add(domainEvent);
    }
}
