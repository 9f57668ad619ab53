using CommunityHub.Domain.Members;
using CommunityHub.Infrastructure.Identity;
using CommunityHub.Infrastructure.Identity.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHub.Infrastructure.Persistence.Configurations;

/// <summary>The account page's part of the member row (bio, link, time zone, organisation).</summary>
internal sealed class MemberAccountConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.Property(m => m.Bio).HasMaxLength(Member.BioMaxLength);
        builder.Property(m => m.Website).HasMaxLength(Member.WebsiteMaxLength);
        builder.Property(m => m.TimeZone).HasMaxLength(Member.TimeZoneMaxLength);
        builder.Property(m => m.Organisation).HasMaxLength(Member.OrganisationMaxLength);
    }
}

internal sealed class FormerHandleConfiguration : IEntityTypeConfiguration<FormerHandle>
{
    public void Configure(EntityTypeBuilder<FormerHandle> builder)
    {
        builder.ToTable("former_handles");
        builder.HasKey(f => f.Handle);
        builder.Property(f => f.Handle).HasMaxLength(MemberHandle.MaxLength);
        builder.HasOne<Member>().WithMany().HasForeignKey(f => f.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.MemberId);
    }
}

internal sealed class AccountEventConfiguration : IEntityTypeConfiguration<AccountEvent>
{
    public void Configure(EntityTypeBuilder<AccountEvent> builder)
    {
        builder.ToTable("account_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.Detail).HasMaxLength(AccountEvent.DetailMaxLength);
        builder.Property(e => e.Address).HasMaxLength(64);
        builder.HasOne<Member>().WithMany().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.MemberId, e.Id });
    }
}

internal sealed class StoredSessionConfiguration : IEntityTypeConfiguration<StoredSession>
{
    public void Configure(EntityTypeBuilder<StoredSession> builder)
    {
        builder.ToTable("sign_in_sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.Property(s => s.Device).HasMaxLength(StoredSession.DeviceMaxLength);
        builder.Property(s => s.Address).HasMaxLength(64);
        builder.Property(s => s.Ticket).IsRequired();
        // Deleting the account (DeleteAccount) ends its sessions with it.
        builder.HasOne<CommunityUser>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.MemberId);
        builder.HasIndex(s => s.ExpiresAt);
    }
}
