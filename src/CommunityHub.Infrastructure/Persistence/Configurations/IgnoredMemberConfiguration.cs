using CommunityHub.Domain.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHub.Infrastructure.Persistence.Configurations;

internal sealed class IgnoredMemberConfiguration : IEntityTypeConfiguration<IgnoredMember>
{
    public void Configure(EntityTypeBuilder<IgnoredMember> builder)
    {
        builder.ToTable("ignored_members");
        // The key answers "does this reader ignore this author" (the thread page, the notifier) by its first column.
        builder.HasKey(i => new { i.IgnorerId, i.IgnoredId });
        builder.HasOne<Member>().WithMany().HasForeignKey(i => i.IgnorerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(i => i.IgnoredId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => i.IgnoredId);
    }
}
