using CommunityHub.Domain.Groups;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Spaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHub.Infrastructure.Persistence.Configurations;

internal sealed class MemberGroupConfiguration : IEntityTypeConfiguration<MemberGroup>
{
    public void Configure(EntityTypeBuilder<MemberGroup> builder)
    {
        builder.ToTable("member_groups");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Name).HasMaxLength(MemberGroup.NameMaxLength).IsRequired();
        builder.Property(g => g.Description).HasMaxLength(MemberGroup.DescriptionMaxLength).IsRequired();
        builder.HasIndex(g => g.Name).IsUnique();
        builder.Property(g => g.EmailDomainList).IsRequired();
        builder.Property(g => g.SignInGroup).HasMaxLength(MemberGroup.SignInGroupMaxLength);
        builder.Property(g => g.MentionHandle).HasMaxLength(Domain.Members.MemberHandle.MaxLength);
        builder.HasIndex(g => g.MentionHandle).IsUnique();
        builder.Property(g => g.MentionableBy).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(g => g.EmailDomains);
        builder.Ignore(g => g.FillsItself);
        builder.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(g => g.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class GroupMemberConfiguration : IEntityTypeConfiguration<GroupMember>
{
    public void Configure(EntityTypeBuilder<GroupMember> builder)
    {
        builder.ToTable("group_members");
        builder.HasKey(m => new { m.GroupId, m.MemberId });
        // "Is this reader in one of the space's groups?" runs in every list query: found by member.
        builder.HasIndex(m => m.MemberId);
        builder.Property(m => m.Source).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Member>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SpaceAccessConfiguration : IEntityTypeConfiguration<SpaceAccess>
{
    public void Configure(EntityTypeBuilder<SpaceAccess> builder)
    {
        builder.ToTable("space_access");
        builder.HasKey(a => new { a.SpaceId, a.GroupId });
        builder.HasOne<Space>().WithMany(s => s.Access).HasForeignKey(a => a.SpaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Group).WithMany().HasForeignKey(a => a.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.GroupId);
    }
}
