using CommunityHub.Domain.Members;
using CommunityHub.Domain.Spaces;
using CommunityHub.Domain.Tags;
using CommunityHub.Domain.Threads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHub.Infrastructure.Tags;

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> builder)
    {
        builder.ToTable("tags");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(Tag.NameMaxLength).IsRequired();
        builder.Property(t => t.Description).HasMaxLength(Tag.DescriptionMaxLength).IsRequired();
        builder.HasIndex(t => t.Name).IsUnique();
        builder.HasOne<TagGroup>().WithMany().HasForeignKey(t => t.GroupId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(t => t.GroupId);
    }
}

internal sealed class TagGroupConfiguration : IEntityTypeConfiguration<TagGroup>
{
    public void Configure(EntityTypeBuilder<TagGroup> builder)
    {
        builder.ToTable("tag_groups");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Name).HasMaxLength(TagGroup.NameMaxLength).IsRequired();
        builder.Property(g => g.Description).HasMaxLength(TagGroup.DescriptionMaxLength).IsRequired();
        builder.HasIndex(g => g.Name).IsUnique();
        builder.HasMany(g => g.RequiredIn).WithOne().HasForeignKey(r => r.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(g => g.RequiredIn).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class TagGroupRequirementConfiguration : IEntityTypeConfiguration<TagGroupRequirement>
{
    public void Configure(EntityTypeBuilder<TagGroupRequirement> builder)
    {
        builder.ToTable("tag_group_requirements");
        builder.HasKey(r => new { r.GroupId, r.SpaceId });
        // "Which groups does this space require?" is asked on every new thread: found by space.
        builder.HasIndex(r => r.SpaceId);
        builder.HasOne<Space>().WithMany().HasForeignKey(r => r.SpaceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ThreadTagConfiguration : IEntityTypeConfiguration<ThreadTag>
{
    public void Configure(EntityTypeBuilder<ThreadTag> builder)
    {
        builder.ToTable("thread_tags");
        builder.HasKey(t => new { t.ThreadId, t.TagId });
        builder.HasOne<DiscussionThread>().WithMany(t => t.Tags).HasForeignKey(t => t.ThreadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(t => t.Tag).WithMany().HasForeignKey(t => t.TagId).OnDelete(DeleteBehavior.Cascade);
        // A tag's page: its threads, found by tag, then the thread's own order (threads_pkey).
        builder.HasIndex(t => new { t.TagId, t.ThreadId });
    }
}

internal sealed class TagWatchConfiguration : IEntityTypeConfiguration<TagWatch>
{
    public void Configure(EntityTypeBuilder<TagWatch> builder)
    {
        builder.ToTable("tag_watches");
        builder.HasKey(w => new { w.MemberId, w.TagId });
        builder.HasOne<Member>().WithMany().HasForeignKey(w => w.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tag>().WithMany().HasForeignKey(w => w.TagId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(w => w.TagId);
    }
}
