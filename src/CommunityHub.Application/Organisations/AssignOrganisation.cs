using CommunityHub.Application.Common.Security;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Organisations;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Organisations;

/// <summary>The one way a member comes to belong to a customer organisation, whatever says so: an admin (by the
/// organisation's id, or none to take them out), a sign-in claim (by the organisation's name, created when new: for
/// single sign-on to call), or their e-mail domain (when an admin mapped it). An admin's choice outranks a claim,
/// which outranks the domain; a weaker source never overrides a stronger one.</summary>
public static class AssignOrganisation
{
    /// <param name="MemberHandle">Instead of <paramref name="MemberId"/> (Guid.Empty), for the admin's form.</param>
    public sealed record Command(Guid MemberId, OrganisationSource Source, int? OrganisationId = null, string? OrganisationName = null, string? Email = null, string? MemberHandle = null) : ICommand<int?>;

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, IIdentityService identity, IKeys keys, TimeProvider clock) : IRequestHandler<Command, int?>
    {
        public async Task<int?> Handle(Command request, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            if (request.MemberId == Guid.Empty)
            {
                var handle = request.MemberHandle?.Trim().TrimStart('@');
                var found = await db.Members.Where(m => m.Handle == handle && m.FormerAt == null).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(cancellationToken)
                    ?? throw new DomainException($"No member has the handle @{handle}.");
                request = request with { MemberId = found };
            }

            int? target;
            switch (request.Source)
            {
                case OrganisationSource.Admin:
                    if (!currentUser.Viewer().Has(Powers.Administer))
                    {
                        throw new ForbiddenException("Only admins set a member's organisation.");
                    }

                    target = request.OrganisationId;
                    if (target is { } id && !await db.Organisations.AnyAsync(o => o.Id == id, cancellationToken))
                    {
                        throw new NotFoundException("Organisation", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }

                    break;
                case OrganisationSource.SignInClaim:
                    var name = request.OrganisationName?.Trim();
                    if (string.IsNullOrEmpty(name))
                    {
                        return null;
                    }

                    var existing = await db.Organisations.Where(o => o.Name == name).Select(o => (int?)o.Id).FirstOrDefaultAsync(cancellationToken);
                    if (existing is null)
                    {
                        var created = Organisation.Create(await keys.NewOrganisationIdAsync(cancellationToken), name, now);
                        db.Organisations.Add(created);
                        existing = created.Id;
                    }

                    target = existing;
                    break;
                default:
                    if (request.OrganisationId is { } found)
                    {
                        // The caller matched the domain already (an organisation being created with it).
                        target = found;
                        break;
                    }

                    var email = request.Email ?? (await identity.AccountsAsync([request.MemberId], cancellationToken)).GetValueOrDefault(request.MemberId)?.Email;
                    var domain = OrganisationDomain.OfAddress(email);
                    target = domain is null ? null
                        : await db.OrganisationDomains.Where(d => d.Domain == domain).Select(d => (int?)d.OrganisationId).FirstOrDefaultAsync(cancellationToken);
                    if (target is null)
                    {
                        return null;
                    }

                    break;
            }

            var membership = await db.OrganisationMembers.FirstOrDefaultAsync(m => m.MemberId == request.MemberId, cancellationToken);
            if (membership is not null && !membership.YieldsTo(request.Source))
            {
                return membership.OrganisationId;
            }

            if (target is null)
            {
                if (membership is not null)
                {
                    db.OrganisationMembers.Remove(membership);
                }
            }
            else if (membership is null)
            {
                db.OrganisationMembers.Add(OrganisationMembership.Of(request.MemberId, target.Value, request.Source, now));
            }
            else
            {
                membership.MoveTo(target.Value, request.Source, now);
            }

            if (request.Source == OrganisationSource.Admin)
            {
                var organisation = target is { } t ? await db.Organisations.Where(o => o.Id == t).Select(o => o.Name).SingleAsync(cancellationToken) : null;
                var member = await db.Members.SingleAsync(m => m.Id == request.MemberId, cancellationToken);
                member.PlacedInOrganisation(currentUser.Viewer(), organisation, now);
            }

            return target;
        }
    }
}
