using CommunityHub.Domain.Members;
using CommunityHub.Domain.Notifications;
using CommunityHub.Domain.Spaces;
using CommunityHub.Domain.Threads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHub.Infrastructure.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(40);
        builder.HasOne<Member>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(n => n.ActorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<DiscussionThread>().WithMany().HasForeignKey(n => n.ThreadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Post>().WithMany().HasForeignKey(n => n.PostId).OnDelete(DeleteBehavior.Cascade);

        // The notifications page (newest first, keyset by id) and the header's unread count.
        builder.HasIndex(n => new { n.RecipientId, n.Id });
        builder.HasIndex(n => n.RecipientId).HasFilter("read_at IS NULL").HasDatabaseName("ix_notifications_unread");
        // Reading a thread marks its notifications read.
        builder.HasIndex(n => new { n.RecipientId, n.ThreadId });
        // The same event never tells the same member twice, even if it were published twice. An idea's status changes
        // are each news of their own (Planned, then Shipped, by the same person), so they stand outside it.
        builder.HasIndex(n => new { n.RecipientId, n.Kind, n.ThreadId, n.PostId, n.ActorId }).IsUnique().AreNullsDistinct(false)
            .HasFilter("kind <> 'IdeaStatusChanged'")
            .HasDatabaseName("ix_notifications_once_per_event");
    }
}

internal sealed class ThreadWatchConfiguration : IEntityTypeConfiguration<ThreadWatch>
{
    public void Configure(EntityTypeBuilder<ThreadWatch> builder)
    {
        builder.ToTable("thread_watches");
        builder.HasKey(w => new { w.MemberId, w.ThreadId });
        builder.Property(w => w.Level).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Member>().WithMany().HasForeignKey(w => w.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DiscussionThread>().WithMany().HasForeignKey(w => w.ThreadId).OnDelete(DeleteBehavior.Cascade);
        // Who watches this thread, when a reply arrives.
        builder.HasIndex(w => new { w.ThreadId, w.Level });
    }
}

internal sealed class SpaceWatchConfiguration : IEntityTypeConfiguration<SpaceWatch>
{
    public void Configure(EntityTypeBuilder<SpaceWatch> builder)
    {
        builder.ToTable("space_watches");
        builder.HasKey(w => new { w.MemberId, w.SpaceId });
        builder.HasOne<Member>().WithMany().HasForeignKey(w => w.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Space>().WithMany().HasForeignKey(w => w.SpaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(w => w.SpaceId);
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.ToTable("notification_preferences");
        builder.HasKey(p => new { p.MemberId, p.Kind });
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(p => p.Channel).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DigestSubscriptionConfiguration : IEntityTypeConfiguration<DigestSubscription>
{
    public void Configure(EntityTypeBuilder<DigestSubscription> builder)
    {
        builder.ToTable("digest_subscriptions");
        builder.HasKey(d => d.MemberId);
        builder.HasOne<Member>().WithMany().HasForeignKey(d => d.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ThreadReadMarkConfiguration : IEntityTypeConfiguration<ThreadReadMark>
{
    public void Configure(EntityTypeBuilder<ThreadReadMark> builder)
    {
        builder.ToTable("thread_read_marks");
        builder.HasKey(r => new { r.MemberId, r.ThreadId });
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DiscussionThread>().WithMany().HasForeignKey(r => r.ThreadId).OnDelete(DeleteBehavior.Cascade);
    }
}
