using CommunityHub.Infrastructure.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHub.Infrastructure.Persistence.Configurations;

internal sealed class RateLimitWindowConfiguration : IEntityTypeConfiguration<RateLimitWindow>
{
    public void Configure(EntityTypeBuilder<RateLimitWindow> builder)
    {
        builder.ToTable("rate_limit_windows");
        // Counters for the next few minutes are not worth the write-ahead log: after a crash PostgreSQL
        // empties an unlogged table, and the limits start again from zero.
        builder.IsUnlogged();
        builder.HasKey(w => w.Key);
        builder.Property(w => w.Key).HasMaxLength(200);
        builder.HasIndex(w => w.ExpiresAt);
    }
}
