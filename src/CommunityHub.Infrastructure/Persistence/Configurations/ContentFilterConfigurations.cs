using CommunityHub.Domain.Safety;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHub.Infrastructure.Persistence.Configurations;

internal sealed class WatchedWordConfiguration : IEntityTypeConfiguration<WatchedWord>
{
    public void Configure(EntityTypeBuilder<WatchedWord> builder)
    {
        builder.ToTable("watched_words");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Pattern).HasMaxLength(WatchedWord.PatternMaxLength).IsRequired();
        builder.Property(w => w.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(w => w.Replacement).HasMaxLength(WatchedWord.TextMaxLength);
        builder.Property(w => w.Message).HasMaxLength(WatchedWord.TextMaxLength);
        builder.HasIndex(w => new { w.Pattern, w.IsPattern }).IsUnique();
    }
}

internal sealed class LinkRuleConfiguration : IEntityTypeConfiguration<LinkRule>
{
    public void Configure(EntityTypeBuilder<LinkRule> builder)
    {
        builder.ToTable("link_rules");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Host).HasMaxLength(LinkRule.HostMaxLength).IsRequired();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(10);
        builder.HasIndex(r => r.Host).IsUnique();
    }
}
