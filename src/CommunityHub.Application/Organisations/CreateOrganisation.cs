using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Organisations;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Organisations;

/// <summary>An admin creates a customer organisation and maps its e-mail domains; members already registered with
/// those addresses join it (through <see cref="AssignOrganisation"/>, as new registrations do).</summary>
public static class CreateOrganisation
{
    [Authorize(Powers.Administer)]
    public sealed class Command : ICommand<int>
    {
        public string Name { get; set; } = string.Empty;

        /// <summary>E-mail domains separated by commas or spaces ("example.com, example.co.uk"); may be empty.</summary>
        public string? Domains { get; set; }

        public IReadOnlyList<string> DomainList =>
            [.. (Domains ?? string.Empty).Split([',', ' ', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(OrganisationDomain.Normalise).OfType<string>().Distinct()];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(ICommunityDb db)
        {
            RuleFor(c => c.Name).NotEmpty().WithMessage("Name the organisation.").MaximumLength(Organisation.NameMaxLength)
                .MustAsync(async (name, ct) => !await db.Organisations.AnyAsync(o => o.Name == name.Trim(), ct)).WithMessage("There is an organisation of that name already.");
            RuleFor(c => c.Domains)
                .Must((c, domains) => c.DomainList.Count == (domains ?? string.Empty).Split([',', ' ', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Length)
                .WithMessage("Write each e-mail domain like example.com, separated by commas.")
                .MustAsync(async (c, _, ct) => !await db.OrganisationDomains.AnyAsync(d => c.DomainList.Contains(d.Domain), ct))
                .WithMessage("One of those domains belongs to another organisation already.");
        }
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, IIdentityService identity, IMediator mediator, IKeys keys, TimeProvider clock) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var organisation = Organisation.Create(await keys.NewOrganisationIdAsync(cancellationToken), request.Name.Trim(), now);
            db.Organisations.Add(organisation);
            foreach (var domain in request.DomainList)
            {
                db.OrganisationDomains.Add(OrganisationDomain.Map(domain, organisation.Id));
            }

            // The members already at those domains join it, as a new member at one would (the domain found, named here).
            foreach (var domain in request.DomainList)
            {
                foreach (var account in (await identity.FindMembersAsync("@" + domain, 10_000, cancellationToken)).Where(a => OrganisationDomain.OfAddress(a.Email) == domain))
                {
                    await mediator.Send(new AssignOrganisation.Command(account.MemberId, OrganisationSource.EmailDomain, OrganisationId: organisation.Id), cancellationToken);
                }
            }

            organisation.CreatedBy(currentUser.MemberId!.Value, request.DomainList, now);
            return organisation.Id;
        }
    }
}
