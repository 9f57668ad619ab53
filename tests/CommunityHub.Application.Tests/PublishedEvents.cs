using System.Collections.Concurrent;
using CommunityHub.Application.Common.Events;
using CommunityHub.Domain.Common;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityHub.Application.Tests;

/// <summary>Records every domain event the use cases dispatched, in order, so a test can see what reached the subscribers.</summary>
public sealed class PublishedEvents
{
    private readonly ConcurrentQueue<IDomainEvent> _events = new();

    public IReadOnlyList<IDomainEvent> All => [.. _events];

    public void Clear() => _events.Clear();

    internal void Record(IDomainEvent domainEvent) => _events.Enqueue(domainEvent);

    /// <summary>Subscribes the recorder to every kind of domain event the domain defines.</summary>
    public void SubscribeIn(IServiceCollection services)
    {
        foreach (var type in typeof(IDomainEvent).Assembly.GetTypes().Where(t => t.IsClass && !t.IsAbstract && t.IsAssignableTo(typeof(IDomainEvent))))
        {
            var subscriber = typeof(Recorder<>).MakeGenericType(type);
            services.AddScoped(typeof(IDomainEventSubscriber<>).MakeGenericType(type), _ => Activator.CreateInstance(subscriber, this)!);
        }
    }

    private sealed class Recorder<TEvent>(PublishedEvents events) : IDomainEventSubscriber<TEvent>
        where TEvent : IDomainEvent
    {
        public Task Handle(TEvent domainEvent, CancellationToken cancellationToken)
        {
            events.Record(domainEvent);
            return Task.CompletedTask;
        }
    }
}
