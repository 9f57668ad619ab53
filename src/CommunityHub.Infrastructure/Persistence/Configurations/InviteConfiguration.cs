using CommunityHub.Domain.Members;
using CommunityHub.Domain.Registration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHub.Infrastructure.Persistence.Configurations;

internal sealed class InviteConfiguration : IEntityTypeConfiguration<Invite>
{
    public void Configure(EntityTypeBuilder<Invite> builder)
    {
        builder.ToTable("invites");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Code).HasMaxLength(Invite.CodeLength).IsRequired();
        builder.HasIndex(i => i.Code).IsUnique();
        builder.Property(i => i.Note).HasMaxLength(Invite.NoteMaxLength).IsRequired();
        builder.Property(i => i.Uses).IsConcurrencyToken();
        builder.HasOne<Member>().WithMany().HasForeignKey(i => i.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.CreatedAt);
    }
}
