using CommunityHub.Domain.Members;
using CommunityHub.Domain.Threads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHub.Infrastructure.Persistence.Configurations;

internal sealed class PostRevisionConfiguration : IEntityTypeConfiguration<PostRevision>
{
    public void Configure(EntityTypeBuilder<PostRevision> builder)
    {
        builder.ToTable("post_revisions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Body).HasMaxLength(PostLimits.BodyMaxLength).IsRequired();
        builder.Property(r => r.BodyHtml).IsRequired();
        builder.HasOne<Post>().WithMany().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.ReplacedById).OnDelete(DeleteBehavior.Restrict);
        // A post's history, newest first.
        builder.HasIndex(r => new { r.PostId, r.Id });
    }
}
