using CommunityHub.Domain.Members;
using CommunityHub.Domain.Threads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHub.Infrastructure.Persistence.Configurations;

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public const string SearchVector = "SearchVector";

    public void Configure(EntityTypeBuilder<Post> builder)
    {
        builder.ToTable("posts");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Body).HasMaxLength(PostLimits.BodyMaxLength).IsRequired();
        builder.Property(p => p.BodyHtml).IsRequired();
        builder.Property(p => p.HiddenReason).HasMaxLength(PostLimits.ModerationReasonMaxLength);
        builder.Property(p => p.ApprovalNote).HasMaxLength(PostLimits.ApprovalNoteMaxLength);
        // The moderation queue: the few posts that wait, oldest first.
        builder.HasIndex(p => p.CreatedAt).HasFilter("awaiting_approval AND deleted_at IS NULL").HasDatabaseName("ix_posts_awaiting_approval");
        // PostgreSQL's system column xmin changes with every update of the row: an edit saved from an
        // older version finds no row to update and EF reports the conflict.
        builder.Property(p => p.Version).IsRowVersion();
        builder.HasOne<Member>().WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Post>().WithMany().HasForeignKey(p => p.InReplyToPostId).OnDelete(DeleteBehavior.SetNull);

        // A thread's replies in order, keyset-paged by id.
        builder.HasIndex(p => new { p.ThreadId, p.Id });
        // One thread has one opening post.
        builder.HasIndex(p => p.ThreadId).IsUnique().HasFilter("is_opening_post").HasDatabaseName("ix_posts_one_opening_post_per_thread");
        // The same form submitted twice never makes two posts, even when both submits race.
        builder.HasIndex(p => new { p.AuthorId, p.SubmissionId }).IsUnique();
        builder.HasIndex(p => p.InReplyToPostId);

        // Whom a post answers: the tie card's timeline reads both directions by author and addressee.
        builder.HasOne<Member>().WithMany().HasForeignKey(p => p.AddressedToId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.AuthorId, p.AddressedToId });

        builder.HasMany(p => p.Mentions).WithOne().HasForeignKey(m => m.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Mentions).UsePropertyAccessMode(PropertyAccessMode.Field);
        // A PostgreSQL integer[] on the post's own row: it rides in the reply's insert, no table and no statement more;
        // empty by default for rows written otherwise (an archive's import, older rows).
        builder.PrimitiveCollection(p => p.MentionedGroupIds).IsRequired().HasDefaultValueSql("'{}'::integer[]");

        // Full-text search: the database keeps the vector in step with the body (a stored generated column),
        // and the GIN index answers "posts with this word" without reading them all. Search reads it in
        // Infrastructure/Search; the domain never sees it.
        builder.Property<NpgsqlTypes.NpgsqlTsVector>(SearchVector)
            .HasComputedColumnSql("to_tsvector('english'::regconfig, body)", stored: true);
        builder.HasIndex(SearchVector).HasMethod("gin");
    }
}
