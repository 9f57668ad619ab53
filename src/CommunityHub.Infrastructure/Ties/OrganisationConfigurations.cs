using CommunityHub.Domain.Members;
using CommunityHub.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHub.Infrastructure.Ties;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("organisations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Name).HasMaxLength(Organisation.NameMaxLength);
        builder.HasIndex(o => o.Name).IsUnique();
    }
}

internal sealed class OrganisationDomainConfiguration : IEntityTypeConfiguration<OrganisationDomain>
{
    public void Configure(EntityTypeBuilder<OrganisationDomain> builder)
    {
        builder.ToTable("organisation_domains");
        builder.HasKey(d => d.Domain);
        builder.Property(d => d.Domain).HasMaxLength(OrganisationDomain.DomainMaxLength);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(d => d.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => d.OrganisationId);
    }
}

internal sealed class OrganisationMembershipConfiguration : IEntityTypeConfiguration<OrganisationMembership>
{
    public void Configure(EntityTypeBuilder<OrganisationMembership> builder)
    {
        builder.ToTable("organisation_members");
        builder.HasKey(m => m.MemberId);
        builder.HasOne<Member>().WithOne().HasForeignKey<OrganisationMembership>(m => m.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.OrganisationId);
        builder.Property(m => m.Source).HasConversion<string>().HasMaxLength(20);
    }
}
