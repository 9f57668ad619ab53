using CommunityHub.Application.Composer;
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
        builder.Property(m => m.Badge).HasConversion<string>().HasMaxLength(20).HasDefaultValue(MemberBadge.None);
        builder.Property(m => m.TrustLockedAt).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Title).HasMaxLength(Member.TitleMaxLength);
        builder.Property(m => m.SanctionReason).HasMaxLength(Member.SanctionReasonMaxLength);
        // "Which executives took part recently" and the audit log's moderator filter look members up by badge.
        builder.HasIndex(m => m.Badge).HasFilter("badge <> 'None'");
        // The composer's @ completion matches prefixes of the handle and of the lower-cased display name (LIKE 'al%');
        // text_pattern_ops lets an index answer that under any database collation.
        builder.HasIndex(m => m.Handle, "ix_members_handle_prefix").HasDatabaseName("ix_members_handle_prefix").HasOperators("text_pattern_ops");
        builder.Property<string>(CompleteMembers.DisplayNameKey).HasMaxLength(Member.DisplayNameMaxLength)
            .HasComputedColumnSql("lower(display_name)", stored: true);
        builder.HasIndex(CompleteMembers.DisplayNameKey).HasOperators("text_pattern_ops");
        // A picture is one member's; the avatar page finds its member by it.
        builder.HasIndex(m => m.AvatarId).IsUnique().HasFilter("avatar_id IS NOT NULL");
    }
}
