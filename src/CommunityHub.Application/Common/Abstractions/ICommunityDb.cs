using CommunityHub.Domain.Email;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Notifications;
using CommunityHub.Domain.Spaces;
using CommunityHub.Domain.Threads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CommunityHub.Application.Common.Abstractions;

/// <summary>The part of the DbContext that use cases see. The PostgreSQL specifics stay in Infrastructure.</summary>
public interface ICommunityDb
{
    DbSet<Member> Members { get; }

    DbSet<Space> Spaces { get; }

    DbSet<DiscussionThread> Threads { get; }

    DbSet<Post> Posts { get; }

    DbSet<Notification> Notifications { get; }

    DbSet<ThreadWatch> ThreadWatches { get; }

    DbSet<SpaceWatch> SpaceWatches { get; }

    DbSet<NotificationPreference> NotificationPreferences { get; }

    DbSet<DigestSubscription> DigestSubscriptions { get; }

    DbSet<ThreadReadMark> ThreadReadMarks { get; }

    DbSet<QueuedEmail> Emails { get; }

    DatabaseFacade Database { get; }

    ChangeTracker ChangeTracker { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
