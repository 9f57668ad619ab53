using CommunityHub.Domain.Members;
using CommunityHub.Domain.Threads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHub.Infrastructure.Persistence.Configurations;

internal sealed class DiscussionThreadConfiguration : IEntityTypeConfiguration<DiscussionThread>
{
    public const string SearchVector = "SearchVector";

    public void Configure(EntityTypeBuilder<DiscussionThread> builder)
    {
        builder.ToTable("threads");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Title).HasMaxLength(PostLimits.TitleMaxLength).IsRequired();
        builder.HasOne(t => t.Space).WithMany().HasForeignKey(t => t.SpaceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(t => t.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(t => t.LastPosterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Posts).WithOne(p => p.Thread).HasForeignKey(p => p.ThreadId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Posts).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(t => t.Tags).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<Post>().WithMany().HasForeignKey(t => t.AcceptedAnswerPostId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Post>().WithMany().HasForeignKey(t => t.OfficialAnswerPostId).OnDelete(DeleteBehavior.SetNull);

        // A space's thread list: pinned first, then latest activity, keyset-paged (scanned backwards for DESC).
        builder.HasIndex(t => new { t.SpaceId, t.IsPinned, t.LastActivityAt, t.Id });

        // Search finds threads by title too; the feeds list the newest threads.
        builder.Property<NpgsqlTypes.NpgsqlTsVector>(SearchVector)
            .HasComputedColumnSql("to_tsvector('english'::regconfig, title)", stored: true);
        builder.HasIndex(SearchVector).HasMethod("gin");
        // (Also the lists' "newest" order, with the id as tie-break.)
        builder.HasIndex(t => new { t.CreatedAt, t.Id });

        // The lists' other orders (ThreadLists): each walks its own index, in a space or community-wide.
        builder.HasIndex(t => new { t.LastActivityAt, t.Id });
        builder.HasIndex(t => new { t.SpaceId, t.CreatedAt, t.Id });
        builder.HasIndex(t => new { t.Appreciation, t.Id });
        builder.HasIndex(t => new { t.SpaceId, t.Appreciation, t.Id });
    }
}
