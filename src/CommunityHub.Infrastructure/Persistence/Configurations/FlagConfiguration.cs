using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;
using CommunityHub.Domain.Threads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHub.Infrastructure.Persistence.Configurations;

internal sealed class FlagConfiguration : IEntityTypeConfiguration<Flag>
{
    public void Configure(EntityTypeBuilder<Flag> builder)
    {
        builder.ToTable("flags");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Reason).HasMaxLength(Flag.ReasonMaxLength).IsRequired();
        builder.Property(f => f.Resolution).HasConversion<string>().HasMaxLength(30);
        builder.HasOne<Post>().WithMany().HasForeignKey(f => f.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(f => f.ReporterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(f => f.ResolvedById).OnDelete(DeleteBehavior.Restrict);
        // Once per member and post, even when two submits race.
        builder.HasIndex(f => new { f.PostId, f.ReporterId }).IsUnique();
        // The queue: open flags, oldest first.
        builder.HasIndex(f => new { f.CreatedAt, f.Id }).HasFilter("resolved_at IS NULL").HasDatabaseName("ix_flags_open_oldest_first");
    }
}
