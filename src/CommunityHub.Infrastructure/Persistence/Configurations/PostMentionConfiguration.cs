using CommunityHub.Domain.Members;
using CommunityHub.Domain.Threads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHub.Infrastructure.Persistence.Configurations;

internal sealed class PostMentionConfiguration : IEntityTypeConfiguration<PostMention>
{
    public void Configure(EntityTypeBuilder<PostMention> builder)
    {
        builder.ToTable("post_mentions");
        builder.HasKey(m => new { m.PostId, m.MemberId });
        builder.HasOne<Member>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.MemberId);
    }
}
