using CommunityHub.Domain.Community;
using CommunityHub.Domain.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHub.Infrastructure.Persistence.Configurations;

internal sealed class CommunityValuesConfiguration : IEntityTypeConfiguration<CommunityValues>
{
    public void Configure(EntityTypeBuilder<CommunityValues> builder)
    {
        builder.ToTable("community_values", table => table.HasCheckConstraint("ck_community_values_one_row", $"id = {CommunityValues.TheOnlyId}"));
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Body).HasMaxLength(CommunityValues.BodyMaxLength).IsRequired();
        builder.Property(v => v.BodyHtml).IsRequired();
        builder.HasOne<Member>().WithMany().HasForeignKey(v => v.UpdatedById).OnDelete(DeleteBehavior.Restrict);
    }
}
