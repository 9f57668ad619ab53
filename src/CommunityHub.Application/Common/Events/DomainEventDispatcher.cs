using System.Collections.Concurrent;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Domain.Common;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityHub.Application.Common.Events;

/// <summary>The one place domain events are dispatched (CleanArchitecture's <c>DispatchDomainEventsInterceptor</c>,
/// run by the unit of work instead of an interceptor so that it happens once, before the single save): takes the
/// events every tracked aggregate recorded and hands each to its subscribers, in the order the aggregate recorded
/// them, until no subscriber has caused another.</summary>
public sealed class DomainEventDispatcher(ICommunityDb db, IServiceProvider services)
{
    private const int MaxRounds = 5;

    private static readonly ConcurrentDictionary<Type, Func<IServiceProvider, IDomainEvent, CancellationToken, Task>> Dispatchers = new();

    public async Task DispatchAsync(CancellationToken cancellationToken)
    {
        for (var round = 0; ; round++)
        {
            var events = db.ChangeTracker.Entries<AggregateRoot>()
                .Where(e => e.Entity.HasDomainEvents)
                .SelectMany(e => e.Entity.TakeDomainEvents())
                .ToList();
            if (events.Count == 0)
            {
                return;
            }

            if (round == MaxRounds)
            {
                throw new InvalidOperationException($"Domain events kept causing events after {MaxRounds} rounds: {string.Join(", ", events.Select(e => e.GetType().Name))}.");
            }

            foreach (var domainEvent in events)
            {
                await Dispatchers.GetOrAdd(domainEvent.GetType(), MakeDispatcher)(services, domainEvent, cancellationToken);
            }
        }
    }

    private static Func<IServiceProvider, IDomainEvent, CancellationToken, Task> MakeDispatcher(Type eventType) =>
        (Func<IServiceProvider, IDomainEvent, CancellationToken, Task>)Delegate.CreateDelegate(
            typeof(Func<IServiceProvider, IDomainEvent, CancellationToken, Task>),
            typeof(DomainEventDispatcher).GetMethod(nameof(DispatchOneAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(eventType));

    private static async Task DispatchOneAsync<TEvent>(IServiceProvider services, IDomainEvent domainEvent, CancellationToken cancellationToken)
        where TEvent : IDomainEvent
    {
        foreach (var handler in services.GetServices<IDomainEventSubscriber<TEvent>>())
        {
            await handler.Handle((TEvent)domainEvent, cancellationToken);
        }
    }
}
