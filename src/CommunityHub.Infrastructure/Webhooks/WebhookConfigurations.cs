using CommunityHub.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHub.Infrastructure.Webhooks;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.ToTable("webhook_endpoints");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Name).HasMaxLength(WebhookEndpoint.NameMaxLength).IsRequired();
        builder.Property(e => e.Url).HasMaxLength(WebhookEndpoint.UrlMaxLength).IsRequired();
        builder.Property(e => e.Secret).HasMaxLength(100).IsRequired();
        builder.Property(e => e.Format).HasConversion<string>().HasMaxLength(10);
    }
}

internal sealed class WebhookEventConfiguration : IEntityTypeConfiguration<WebhookEvent>
{
    public void Configure(EntityTypeBuilder<WebhookEvent> builder)
    {
        builder.ToTable("webhook_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Data).HasColumnType("jsonb").IsRequired();
        builder.Property(e => e.Summary).IsRequired();
        // The fan-out's claim query: what is not fanned out yet, oldest first.
        builder.HasIndex(e => e.OccurredAt).HasFilter("fanned_out_at IS NULL").HasDatabaseName("ix_webhook_events_pending");
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("webhook_deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.EventName).HasMaxLength(40).IsRequired();
        builder.Property(d => d.Body).IsRequired();
        builder.Property(d => d.LastError).HasMaxLength(WebhookDelivery.ErrorMaxLength);
        builder.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
        // One delivery per event and endpoint, even when two workers fan out at once.
        builder.HasIndex(d => new { d.EndpointId, d.EventId }).IsUnique();
        // The workers' claim query: what is due and neither delivered nor given up on.
        builder.HasIndex(d => d.NextAttemptAt).HasFilter("delivered_at IS NULL AND failed_at IS NULL").HasDatabaseName("ix_webhook_deliveries_due");
    }
}
