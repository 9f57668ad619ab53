using CommunityHub.Domain.Members;
using CommunityHub.Domain.Ties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHub.Infrastructure.Ties;

internal sealed class TiePreferencesConfiguration : IEntityTypeConfiguration<TiePreferences>
{
    public void Configure(EntityTypeBuilder<TiePreferences> builder)
    {
        builder.ToTable("tie_preferences");
        builder.HasKey(p => p.MemberId);
        builder.HasOne<Member>().WithOne().HasForeignKey<TiePreferences>(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
