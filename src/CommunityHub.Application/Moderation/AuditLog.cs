using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Events;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Moderation;

namespace CommunityHub.Application.Moderation;

/// <summary>Writes every moderator and admin action into the audit log, in the action's own transaction:
/// an action that is not logged did not happen.</summary>
public sealed class AuditLog(ICommunityDb db)
    : IDomainEventSubscriber<PostModerated>, IDomainEventSubscriber<ThreadModerated>, IDomainEventSubscriber<MemberModerated>, IDomainEventSubscriber<CommunityAdministered>,
      IDomainEventSubscriber<IntegrationAdministered>
{
    public Task Handle(PostModerated domainEvent, CancellationToken cancellationToken) =>
        Write(ModerationEntry.Record(domainEvent.ModeratorId, domainEvent.Action, domainEvent.At,
            threadId: domainEvent.ThreadId, postId: domainEvent.PostId, memberId: domainEvent.AuthorId, reason: domainEvent.Reason));

    public Task Handle(ThreadModerated domainEvent, CancellationToken cancellationToken) =>
        Write(ModerationEntry.Record(domainEvent.ModeratorId, domainEvent.Action, domainEvent.At,
            threadId: domainEvent.ThreadId, reason: domainEvent.Reason, detail: domainEvent.Detail));

    public Task Handle(MemberModerated domainEvent, CancellationToken cancellationToken) =>
        Write(ModerationEntry.Record(domainEvent.ModeratorId, domainEvent.Action, domainEvent.At,
            memberId: domainEvent.MemberId, postId: domainEvent.PostId, reason: domainEvent.Reason,
            detail: domainEvent.Until is { } until ? "until " + Dates.Exact(until) : domainEvent.Detail));

    public Task Handle(CommunityAdministered domainEvent, CancellationToken cancellationToken) =>
        Write(ModerationEntry.Record(domainEvent.AdminId, domainEvent.Action, domainEvent.At,
            spaceId: domainEvent.SpaceId, postId: domainEvent.PostId, detail: domainEvent.Detail));

    public Task Handle(IntegrationAdministered domainEvent, CancellationToken cancellationToken) =>
        Write(ModerationEntry.Record(domainEvent.AdminId, domainEvent.Action, domainEvent.At, memberId: domainEvent.MemberId, detail: domainEvent.Detail));

    private Task Write(ModerationEntry entry)
    {
        db.ModerationLog.Add(entry);
        return Task.CompletedTask;
    }
}
