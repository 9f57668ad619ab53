using CommunityHub.Domain.Members;
using CommunityHub.Domain.Threads;
using CommunityHub.Domain.Ties.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHub.Infrastructure.Ties;

internal sealed class HelpAskConfiguration : IEntityTypeConfiguration<HelpAsk>
{
    public void Configure(EntityTypeBuilder<HelpAsk> builder)
    {
        builder.ToTable("help_asks");
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => new { a.ThreadId, a.AskedId }).IsUnique();
        builder.HasOne<DiscussionThread>().WithMany().HasForeignKey(a => a.ThreadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(a => a.AskedId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(a => a.AskedById).OnDelete(DeleteBehavior.Restrict);
    }
}
