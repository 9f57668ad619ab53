using CommunityHub.Domain.Members;
using CommunityHub.Domain.Reciprocity;
using CommunityHub.Domain.Threads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHub.Infrastructure.Persistence.Configurations;

internal sealed class ReciprocityRecordConfiguration : IEntityTypeConfiguration<ReciprocityRecord>
{
    public void Configure(EntityTypeBuilder<ReciprocityRecord> builder)
    {
        builder.ToTable("reciprocity_records", t => t.HasCheckConstraint("ck_reciprocity_records_not_to_oneself", "from_member_id <> to_member_id"));
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Kind).HasConversion<short>();
        builder.Property(r => r.Reaction).HasMaxLength(20);
        builder.Ignore(r => r.IsActive);
        builder.HasOne<Post>().WithMany().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DiscussionThread>().WithMany().HasForeignKey(r => r.ThreadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.FromMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.ToMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.RecordedById).OnDelete(DeleteBehavior.Restrict);

        // No double records, even when two clicks race: one active record per giver, post, kind and reaction.
        builder.HasIndex(r => new { r.PostId, r.FromMemberId, r.Kind, r.Reaction })
            .IsUnique()
            .AreNullsDistinct(false)
            .HasFilter("retracted_at IS NULL")
            .HasDatabaseName("ix_reciprocity_records_one_active_per_giver");
        // One accepted answer per thread.
        builder.HasIndex(r => r.ThreadId)
            .IsUnique()
            .HasFilter("retracted_at IS NULL AND kind = 4")
            .HasDatabaseName("ix_reciprocity_records_one_accepted_answer_per_thread");
        // The help ledger, both ways.
        builder.HasIndex(r => new { r.ToMemberId, r.CreatedAt });
        builder.HasIndex(r => new { r.FromMemberId, r.CreatedAt });
    }
}
