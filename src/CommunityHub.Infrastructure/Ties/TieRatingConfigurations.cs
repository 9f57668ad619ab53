using CommunityHub.Domain.Members;
using CommunityHub.Domain.Ties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHub.Infrastructure.Ties;

internal sealed class TieRatingConfiguration : IEntityTypeConfiguration<TieRating>
{
    public void Configure(EntityTypeBuilder<TieRating> builder)
    {
        builder.ToTable("tie_ratings", t => t.HasCheckConstraint("ck_tie_ratings_scale", "rating BETWEEN 0 AND 4"));
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.RaterId, r.RatedId }).IsUnique();
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.RaterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.RatedId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TieModelFitConfiguration : IEntityTypeConfiguration<TieModelFit>
{
    public void Configure(EntityTypeBuilder<TieModelFit> builder)
    {
        builder.ToTable("tie_model_fits");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Reason).HasMaxLength(500);
        builder.Property(f => f.TriggeredBy).HasMaxLength(100);
        builder.Ignore(f => f.Weights);
        // The model in force: the latest adopted fit.
        builder.HasIndex(f => new { f.Adopted, f.FittedAt });
    }
}
