using CommunityHub.Domain.Ties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHub.Infrastructure.Ties;

internal sealed class PendingTieStructureConfiguration : IEntityTypeConfiguration<PendingTieStructure>
{
    public void Configure(EntityTypeBuilder<PendingTieStructure> builder)
    {
        // No foreign key: a row is a hint for the structure pass, written in the hot path, gone within minutes.
        builder.ToTable("tie_structure_queue");
        builder.HasKey(p => new { p.MemberLowId, p.MemberHighId });
    }
}
