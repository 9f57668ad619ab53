using CommunityHub.Domain.Members;
using CommunityHub.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHub.Infrastructure.Persistence.Configurations;

internal sealed class CommunityUserConfiguration : IEntityTypeConfiguration<CommunityUser>
{
    public void Configure(EntityTypeBuilder<CommunityUser> builder)
    {
        // The account is the member's: same id, and it cannot exist without the member row.
        builder.HasOne<Member>().WithOne().HasForeignKey<CommunityUser>(u => u.Id).OnDelete(DeleteBehavior.Cascade);
        // Identity checks uniqueness with a query; the index closes the race between two registrations.
        builder.HasIndex(u => u.NormalizedEmail).HasDatabaseName("ix_users_normalized_email_unique").IsUnique();
    }
}
