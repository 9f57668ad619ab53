using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHub.Infrastructure.Persistence.Configurations;

internal sealed class ModerationEntryConfiguration : IEntityTypeConfiguration<ModerationEntry>
{
    public void Configure(EntityTypeBuilder<ModerationEntry> builder)
    {
        builder.ToTable("moderation_log");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Reason).HasMaxLength(ModerationEntry.ReasonMaxLength);
        builder.Property(e => e.Detail).HasMaxLength(ModerationEntry.DetailMaxLength);
        builder.HasOne<Member>().WithMany().HasForeignKey(e => e.ModeratorId).OnDelete(DeleteBehavior.Restrict);
        // Targets are kept as plain ids: the log outlives what it names.
        builder.HasIndex(e => new { e.ModeratorId, e.Id });
        builder.HasIndex(e => new { e.Action, e.Id });
        builder.HasIndex(e => new { e.MemberId, e.Id });
    }
}
