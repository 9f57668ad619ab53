using System.Collections.Concurrent;
using CommunityHub.Application.Moderation;
using CommunityHub.Application.Threads;
using MediatR;

namespace CommunityHub.Application.Tests;

/// <summary>Records the thread events the use cases publish, so a test can see what reached their subscribers.</summary>
public sealed class PublishedEvents : INotificationHandler<ThreadStarted>, INotificationHandler<ReplyPosted>,
    INotificationHandler<PostEdited>, INotificationHandler<OfficialAnswerMarked>,
    INotificationHandler<PostModerated>, INotificationHandler<ThreadModerated>, INotificationHandler<MemberModerated>
{
    private readonly ConcurrentQueue<INotification> _events = new();

    public IReadOnlyList<INotification> All => [.. _events];

    public void Clear() => _events.Clear();

    public Task Handle(ThreadStarted notification, CancellationToken cancellationToken) => Record(notification);

    public Task Handle(ReplyPosted notification, CancellationToken cancellationToken) => Record(notification);

    public Task Handle(PostEdited notification, CancellationToken cancellationToken) => Record(notification);

    public Task Handle(OfficialAnswerMarked notification, CancellationToken cancellationToken) => Record(notification);

    public Task Handle(PostModerated notification, CancellationToken cancellationToken) => Record(notification);

    public Task Handle(ThreadModerated notification, CancellationToken cancellationToken) => Record(notification);

    public Task Handle(MemberModerated notification, CancellationToken cancellationToken) => Record(notification);

    private Task Record(INotification notification)
    {
        _events.Enqueue(notification);
        return Task.CompletedTask;
    }
}
