using CommunityHub.Domain.Attachments;
using CommunityHub.Domain.Threads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHub.Infrastructure.Attachments;

public sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.ToTable("attachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.FileName).HasMaxLength(Attachment.FileNameMaxLength).IsRequired();
        builder.Property(a => a.MediaType).HasMaxLength(100).IsRequired();
        builder.Ignore(a => a.StorageKeys);
        // A post's files, in the order they were sent; a member's, for the quota; the pending ones, for the clean-up.
        builder.HasOne<Post>().WithMany().HasForeignKey(a => a.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.PostId, a.Position });
        builder.HasIndex(a => a.OwnerId);
        builder.HasIndex(a => a.UploadedAt).HasFilter("post_id IS NULL");
    }
}

/// <summary>One stored copy of an attachment when the bytes are kept in the database: a backup holds them.</summary>
public sealed class AttachmentBlob
{
    public AttachmentBlob(string key, byte[] content)
    {
        Key = key;
        Content = content;
    }

    public string Key { get; private set; }

    public byte[] Content { get; private set; }
}

public sealed class AttachmentBlobConfiguration : IEntityTypeConfiguration<AttachmentBlob>
{
    public void Configure(EntityTypeBuilder<AttachmentBlob> builder)
    {
        builder.ToTable("attachment_blobs");
        builder.HasKey(b => b.Key);
        builder.Property(b => b.Key).HasMaxLength(200);
        builder.Property(b => b.Content).IsRequired();
    }
}
