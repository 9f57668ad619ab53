using CommunityHub.Domain.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHub.Infrastructure.Persistence.Configurations;

internal sealed class AvatarConfiguration : IEntityTypeConfiguration<Avatar>
{
    public void Configure(EntityTypeBuilder<Avatar> builder)
    {
        builder.ToTable("avatars");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.ContentType).HasMaxLength(100).IsRequired();
        builder.Ignore(a => a.StorageKeys);
        // A member's pictures, for the purge and the data download.
        builder.HasIndex(a => a.MemberId);
    }
}
