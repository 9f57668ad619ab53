using CommunityHub.Domain.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHub.Infrastructure.Persistence.Configurations;

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.ToTable("members");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.DisplayName).HasMaxLength(Member.DisplayNameMaxLength).IsRequired();
        builder.Property(m => m.Handle).HasMaxLength(MemberHandle.MaxLength).IsRequired();
        builder.HasIndex(m => m.Handle).IsUnique();
    }
}
