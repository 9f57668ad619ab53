using CommunityHub.Domain.Drafts;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Spaces;
using CommunityHub.Domain.Threads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHub.Infrastructure.Persistence.Configurations;

internal sealed class DraftConfiguration : IEntityTypeConfiguration<Draft>
{
    public void Configure(EntityTypeBuilder<Draft> builder)
    {
        builder.ToTable("drafts", table => table.HasCheckConstraint("ck_drafts_one_place", "(thread_id IS NULL) <> (space_id IS NULL)"));
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).UseIdentityAlwaysColumn();
        builder.Property(d => d.Title).HasMaxLength(PostLimits.TitleMaxLength);
        builder.Property(d => d.Body).HasMaxLength(PostLimits.BodyMaxLength).IsRequired();
        builder.HasOne<Member>().WithMany().HasForeignKey(d => d.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DiscussionThread>().WithMany().HasForeignKey(d => d.ThreadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Space>().WithMany().HasForeignKey(d => d.SpaceId).OnDelete(DeleteBehavior.Cascade);
        // One draft per member and place: a reply's by thread, a new thread's by space.
        builder.HasIndex(d => new { d.MemberId, d.ThreadId }).IsUnique().HasFilter("thread_id IS NOT NULL");
        builder.HasIndex(d => new { d.MemberId, d.SpaceId }).IsUnique().HasFilter("space_id IS NOT NULL");
        builder.HasIndex(d => d.ThreadId);
        builder.HasIndex(d => d.SpaceId);
    }
}
