using CommunityHub.Domain.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHub.Infrastructure.Persistence.Configurations;

internal sealed class FeedKeyConfiguration : IEntityTypeConfiguration<FeedKey>
{
    public void Configure(EntityTypeBuilder<FeedKey> builder)
    {
        builder.ToTable("feed_keys");
        builder.HasKey(k => k.MemberId);
        builder.Property(k => k.Key).HasMaxLength(FeedKey.KeyLength).IsRequired();
        builder.HasIndex(k => k.Key).IsUnique();
        builder.HasOne<Member>().WithMany().HasForeignKey(k => k.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
