using CommunityHub.Domain.ApiTokens;
using CommunityHub.Domain.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHub.Infrastructure.Persistence.Configurations;

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.ToTable("api_tokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(ApiToken.NameMaxLength).IsRequired();
        // Every API request finds its token by the secret's hash.
        builder.Property(t => t.Hash).HasMaxLength(64).IsRequired();
        builder.HasIndex(t => t.Hash).IsUnique();
        builder.HasIndex(t => new { t.MemberId, t.CreatedAt });
        builder.Ignore(t => t.IsService);
        builder.HasOne<Member>().WithMany().HasForeignKey(t => t.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(t => t.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}
