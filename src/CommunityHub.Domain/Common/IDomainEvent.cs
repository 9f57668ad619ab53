namespace CommunityHub.Domain.Common;

/// <summary>Something that happened to an aggregate, recorded by the aggregate itself when its state changed and
/// dispatched once, after the use case's work, in the same transaction. An event carries what its subscribers
/// need, so that none of them reads again what the use case already had in hand.</summary>
#pragma warning disable CA1040 // A marker: the dispatcher finds events by it, subscribers by their concrete type.
public interface IDomainEvent;
#pragma warning restore CA1040
