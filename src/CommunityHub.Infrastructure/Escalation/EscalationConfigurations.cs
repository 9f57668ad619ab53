using CommunityHub.Domain.Escalation;
using CommunityHub.Domain.Threads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHub.Infrastructure.Escalation;

internal sealed class SupportDeskConfiguration : IEntityTypeConfiguration<SupportDesk>
{
    public void Configure(EntityTypeBuilder<SupportDesk> builder)
    {
        builder.ToTable("support_desks", t => t.HasCheckConstraint("ck_support_desks_one", $"id = {SupportDesk.TheOne}"));
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Url).HasMaxLength(SupportDesk.UrlMaxLength).IsRequired();
        builder.Property(d => d.Format).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Authorization).HasMaxLength(SupportDesk.AuthorizationMaxLength);
        builder.Property(d => d.SigningSecret).HasMaxLength(200).IsRequired();
    }
}

internal sealed class ThreadEscalationConfiguration : IEntityTypeConfiguration<ThreadEscalation>
{
    public void Configure(EntityTypeBuilder<ThreadEscalation> builder)
    {
        builder.ToTable("thread_escalations");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Payload).HasColumnType("jsonb").IsRequired();
        builder.Property(e => e.LastError).HasMaxLength(ThreadEscalation.ErrorMaxLength);
        builder.Property(e => e.CaseId).HasMaxLength(ThreadEscalation.CaseIdMaxLength);
        builder.Property(e => e.CaseUrl).HasMaxLength(SupportDesk.UrlMaxLength);
        builder.HasOne<DiscussionThread>().WithMany().HasForeignKey(e => e.ThreadId).OnDelete(DeleteBehavior.Cascade);
        // One case at a time per thread: two staff pressing "Escalate" at once meet here (the second gets a 409).
        builder.HasIndex(e => e.ThreadId).IsUnique().HasFilter("status <> 'Solved'").HasDatabaseName("ix_thread_escalations_one_ongoing");
        // The senders' claim query: what is due.
        builder.HasIndex(e => e.NextAttemptAt).HasFilter("status = 'Pending'").HasDatabaseName("ix_thread_escalations_due");
        // The desk's callbacks find a case by its id.
        builder.HasIndex(e => e.CaseId).HasFilter("case_id IS NOT NULL");
    }
}
