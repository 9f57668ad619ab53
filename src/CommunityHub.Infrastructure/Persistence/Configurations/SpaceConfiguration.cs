using CommunityHub.Domain.Spaces;
using CommunityHub.Domain.Threads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHub.Infrastructure.Persistence.Configurations;

internal sealed class SpaceConfiguration : IEntityTypeConfiguration<Space>
{
    public void Configure(EntityTypeBuilder<Space> builder)
    {
        builder.ToTable("spaces");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(Space.NameMaxLength).IsRequired();
        builder.Property(s => s.Slug).HasMaxLength(Slug.MaxLength).IsRequired();
        builder.Property(s => s.Purpose).HasMaxLength(Space.PurposeMaxLength).IsRequired();
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => s.Slug).IsUnique();
        builder.HasIndex(s => s.Position);
        builder.HasOne<DiscussionThread>().WithMany().HasForeignKey(s => s.LastActiveThreadId).OnDelete(DeleteBehavior.SetNull);
        builder.Navigation(s => s.Access).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(s => s.Audience);
    }
}
