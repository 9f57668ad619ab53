using CommunityHub.Application.Common.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHub.Infrastructure.Persistence.Configurations;

/// <summary>Accounts as a read-only projection of Identity's tables (no table of its own, no migration), so that a
/// use case joins them into the query it makes anyway instead of asking Identity in a second round trip.</summary>
internal sealed class AccountConfiguration : IEntityTypeConfiguration<AccountRecord>
{
    public void Configure(EntityTypeBuilder<AccountRecord> builder)
    {
        // Keyed by the member, so it joins into queries that also read lists per member; never written.
        builder.HasKey(a => a.MemberId);
        builder.ToSqlQuery(
            """
            SELECT u.id AS member_id, coalesce(u.email, '') AS email, u.email_confirmed,
                   ARRAY(SELECT r.name FROM user_roles AS ur JOIN roles AS r ON r.id = ur.role_id WHERE ur.user_id = u.id) AS roles
            FROM users AS u
            """);
        builder.Property(a => a.Roles).HasColumnName("roles");
    }
}
