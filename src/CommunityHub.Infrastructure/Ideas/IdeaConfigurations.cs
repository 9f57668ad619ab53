using CommunityHub.Domain.Asking;
using CommunityHub.Domain.Ideas;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Spaces;
using CommunityHub.Domain.Threads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHub.Infrastructure.Ideas;

internal sealed class IdeaConfiguration : IEntityTypeConfiguration<Idea>
{
    public void Configure(EntityTypeBuilder<Idea> builder)
    {
        builder.ToTable("ideas");
        builder.HasKey(i => i.ThreadId);
        builder.Property(i => i.ThreadId).ValueGeneratedNever();
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.StatusNote).HasMaxLength(Idea.StatusNoteMaxLength);
        builder.HasOne<DiscussionThread>().WithOne().HasForeignKey<Idea>(i => i.ThreadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DiscussionThread>().WithMany().HasForeignKey(i => i.MergedIntoThreadId).OnDelete(DeleteBehavior.SetNull);
        // The roadmap: ideas by status, most votes first.
        builder.HasIndex(i => new { i.Status, i.VoteCount });
    }
}

internal sealed class IdeaVoteConfiguration : IEntityTypeConfiguration<IdeaVote>
{
    public void Configure(EntityTypeBuilder<IdeaVote> builder)
    {
        builder.ToTable("idea_votes");
        builder.HasKey(v => v.Id);
        // One standing vote per member and idea, even when two clicks race.
        builder.HasIndex(v => new { v.ThreadId, v.MemberId }).IsUnique().HasFilter("withdrawn_at IS NULL")
            .HasDatabaseName("ix_idea_votes_one_standing_per_member");
        builder.HasOne<Idea>().WithMany().HasForeignKey(v => v.ThreadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(v => v.MemberId).OnDelete(DeleteBehavior.Cascade);
        // Trending: votes of the last 30 days per idea.
        builder.HasIndex(v => new { v.ThreadId, v.CastAt });
        builder.HasIndex(v => v.MemberId);
    }
}

internal sealed class IdeaStatusChangeConfiguration : IEntityTypeConfiguration<IdeaStatusChange>
{
    public void Configure(EntityTypeBuilder<IdeaStatusChange> builder)
    {
        builder.ToTable("idea_status_changes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.From).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.To).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Note).HasMaxLength(Idea.StatusNoteMaxLength);
        builder.HasOne<Idea>().WithMany().HasForeignKey(c => c.ThreadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.ChangedById).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.ThreadId, c.At });
    }
}

internal sealed class AskingFormConfiguration : IEntityTypeConfiguration<AskingForm>
{
    public void Configure(EntityTypeBuilder<AskingForm> builder)
    {
        builder.ToTable("asking_forms");
        builder.HasKey(f => f.FormId);
        builder.HasOne<Member>().WithMany().HasForeignKey(f => f.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Space>().WithMany().HasForeignKey(f => f.SpaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DiscussionThread>().WithMany().HasForeignKey(f => f.OpenedThreadId).OnDelete(DeleteBehavior.SetNull);
        // The dashboard's weekly deflection rate.
        builder.HasIndex(f => f.ShownAt);
    }
}
