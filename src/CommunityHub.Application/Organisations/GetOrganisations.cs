using CommunityHub.Domain.Common;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Ties;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Organisations;

/// <summary>The relationship health of each customer account: an organisation's members, its strongest ties to the
/// company's people (who, how strong, last contact), and whether its ties to the company are decaying (none with
/// contact in the last 60 days). For the staff side only (<see cref="TieVisibility"/>: staff purposes).</summary>
public static class GetOrganisations
{
    public static readonly TimeSpan DecayingAfter = TimeSpan.FromDays(60);
    public const int TiesShown = 3;

    [Authorize]
    public sealed record Query : IRequest<Overview>;

    public enum Health
    {
        /// <summary>At least one tie to the company with contact in the last 60 days.</summary>
        Tied,

        /// <summary>Ties to the company, none with contact in the last 60 days.</summary>
        Decaying,

        /// <summary>No tie to the company at all.</summary>
        NoTies,
    }

    public sealed record Overview(IReadOnlyList<OrganisationView> Organisations, IReadOnlyList<OrganisationChoice> Choices, int MembersWithoutOrganisation, bool MayAdminister);

    public sealed record OrganisationChoice(int Id, string Name);

    public sealed record OrganisationView(int Id, string Name, IReadOnlyList<string> Domains, IReadOnlyList<Person> Members, IReadOnlyList<StaffTie> StrongestTies, Health Health, DateTimeOffset? LastContact);

    public sealed record Person(string Handle, string DisplayName);

    public sealed record StaffTie(Person Customer, Person Staff, string? StaffBadge, double Strength, DateTimeOffset LastContact);

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, IIdentityService identity, TieScorer scorer, TimeProvider clock) : IRequestHandler<Query, Overview>
    {
        public async Task<Overview> Handle(Query request, CancellationToken cancellationToken)
        {
            if (!TieVisibility.SeesTiesForStaffPurposes(currentUser.Viewer()))
            {
                throw new ForbiddenException("Organisations and their ties are for the company's people.");
            }

            var now = clock.GetUtcNow();
            var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
            var domains = (await db.OrganisationDomains.AsNoTracking().Select(d => new { d.OrganisationId, d.Domain }).ToListAsync(cancellationToken))
                .ToLookup(d => d.OrganisationId, d => d.Domain);
            var memberships = await (
                    from m in db.OrganisationMembers.AsNoTracking()
                    join p in db.Members on m.MemberId equals p.Id
                    where p.FormerAt == null
                    orderby p.DisplayName
                    select new { m.OrganisationId, p.Id, p.Handle, p.DisplayName })
                .ToListAsync(cancellationToken);
            var company = await identity.MembersInRolesAsync([Roles.Executive, Roles.Staff], cancellationToken);
            var companyIds = company.Keys.ToList();
            var customerIds = memberships.Select(m => m.Id).ToList();

            // The ties between the organisations' members and the company's people: both ends known, read by index.
            var ties = await db.Ties.AsNoTracking()
                .Where(t => (customerIds.Contains(t.MemberLowId) && companyIds.Contains(t.MemberHighId)) || (customerIds.Contains(t.MemberHighId) && companyIds.Contains(t.MemberLowId)))
                .ToListAsync(cancellationToken);
            var names = await db.Members.AsNoTracking().Where(m => companyIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => new Person(m.Handle, m.DisplayName), cancellationToken);
            var organisationOf = memberships.ToDictionary(m => m.Id, m => m.OrganisationId);
            var people = memberships.ToDictionary(m => m.Id, m => new Person(m.Handle, m.DisplayName));
            var byOrganisation = ties
                .Where(t => t.HasDirect)
                .Select(t =>
                {
                    var customer = organisationOf.ContainsKey(t.MemberLowId) && !company.ContainsKey(t.MemberLowId) ? t.MemberLowId : t.MemberHighId;
                    var staff = customer == t.MemberLowId ? t.MemberHighId : t.MemberLowId;
                    return (Organisation: organisationOf[customer], Tie: new StaffTie(people[customer], names[staff], company[staff], scorer.Score(t.ToState(), now).Strength, t.LastAt));
                })
                .ToLookup(x => x.Organisation, x => x.Tie);

            var views = organisations.Select(o =>
            {
                var own = byOrganisation[o.Id].ToList();
                var last = own.Count == 0 ? (DateTimeOffset?)null : own.Max(t => t.LastContact);
                var health = own.Count == 0 ? Health.NoTies : last < now - DecayingAfter ? Health.Decaying : Health.Tied;
                return new OrganisationView(
                    o.Id,
                    o.Name,
                    [.. domains[o.Id].Order(StringComparer.Ordinal)],
                    [.. memberships.Where(m => m.OrganisationId == o.Id).Select(m => people[m.Id])],
                    [.. own.OrderByDescending(t => t.Strength).Take(TiesShown)],
                    health,
                    last);
            }).ToList();
            var withOrganisation = memberships.Count;
            var members = await db.Members.CountAsync(m => m.FormerAt == null, cancellationToken);
            return new Overview(
                views,
                [.. organisations.Select(o => new OrganisationChoice(o.Id, o.Name))],
                Math.Max(0, members - withOrganisation - company.Count),
                currentUser.IsInRole(Roles.Admin));
        }
    }
}
