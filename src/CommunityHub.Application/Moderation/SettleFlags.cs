using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Events;
using CommunityHub.Domain.Moderation;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Moderation;

/// <summary>Whatever a moderator does about a post settles every open flag on it: one decision, not one per
/// reporter. Dismissing a flag, hiding the post, or warning, suspending or banning its author from the flag queue
/// settles them all.</summary>
public sealed class SettleFlags(ICommunityDb db)
    : IDomainEventSubscriber<PostModerated>, IDomainEventSubscriber<MemberModerated>, IDomainEventSubscriber<CommunityAdministered>
{
    public Task Handle(PostModerated domainEvent, CancellationToken cancellationToken) =>
        domainEvent.Action == ModerationAction.HidePost
            ? SettleAsync(domainEvent.PostId, domainEvent.ModeratorId, FlagResolution.PostHidden, domainEvent.At, cancellationToken)
            : Task.CompletedTask;

    public Task Handle(MemberModerated domainEvent, CancellationToken cancellationToken) =>
        domainEvent.PostId is { } postId
            ? SettleAsync(postId, domainEvent.ModeratorId, domainEvent.Action == ModerationAction.WarnMember ? FlagResolution.AuthorWarned : FlagResolution.AuthorSuspended, domainEvent.At, cancellationToken)
            : Task.CompletedTask;

    /// <summary>Dismissing one flag dismisses the others on the same post.</summary>
    public Task Handle(CommunityAdministered domainEvent, CancellationToken cancellationToken) =>
        domainEvent is { Action: ModerationAction.DismissFlag, PostId: { } postId }
            ? SettleAsync(postId, domainEvent.AdminId, FlagResolution.Dismissed, domainEvent.At, cancellationToken)
            : Task.CompletedTask;

    private async Task SettleAsync(long postId, Guid moderatorId, FlagResolution resolution, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Flags already settled in this unit of work (dismissed with the one the moderator chose) are tracked as resolved.
        foreach (var flag in await db.Flags.Where(f => f.PostId == postId && f.ResolvedAt == null).ToListAsync(cancellationToken))
        {
            if (flag.ResolvedAt is null)
            {
                flag.Resolve(moderatorId, resolution, now);
            }
        }
    }
}
