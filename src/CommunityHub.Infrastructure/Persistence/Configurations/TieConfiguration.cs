using CommunityHub.Domain.Members;
using CommunityHub.Domain.Ties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHub.Infrastructure.Persistence.Configurations;

internal sealed class TieConfiguration : IEntityTypeConfiguration<Tie>
{
    public void Configure(EntityTypeBuilder<Tie> builder)
    {
        builder.ToTable("ties", t => t.HasCheckConstraint("ck_ties_ordered_pair", "member_low_id < member_high_id"));
        builder.HasKey(t => new { t.MemberLowId, t.MemberHighId });
        builder.HasOne<Member>().WithMany().HasForeignKey(t => t.MemberLowId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(t => t.MemberHighId).OnDelete(DeleteBehavior.Restrict);

        // A member's strongest ties, from either side of the pair: an index scan each, strongest first.
        builder.HasIndex(t => new { t.MemberLowId, t.StrengthAtUpdate }).IsDescending(false, true);
        builder.HasIndex(t => new { t.MemberHighId, t.StrengthAtUpdate }).IsDescending(false, true);
        builder.Property(t => t.Embeddedness).HasDefaultValue(0.0);
        builder.Property(t => t.ActiveWeeks).HasDefaultValue(0L);
        builder.Property(t => t.LatestWeek).HasDefaultValue(0);
    }
}
