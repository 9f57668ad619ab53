using CommunityHub.Domain.Members;
using CommunityHub.Domain.Threads;
using CommunityHub.Domain.Ties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHub.Infrastructure.Persistence.Configurations;

internal sealed class ThreadParticipantConfiguration : IEntityTypeConfiguration<ThreadParticipant>
{
    public void Configure(EntityTypeBuilder<ThreadParticipant> builder)
    {
        builder.ToTable("thread_participants");
        builder.HasKey(p => new { p.ThreadId, p.MemberId });
        builder.HasOne<DiscussionThread>().WithMany().HasForeignKey(p => p.ThreadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Post>().WithMany().HasForeignKey(p => p.FirstPostId).OnDelete(DeleteBehavior.Cascade);
        // The threads a member took part in (shared threads on the tie card).
        builder.HasIndex(p => p.MemberId);
    }
}
