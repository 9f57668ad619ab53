using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Application.Moderation;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;
using CommunityHub.Domain.Organisations;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Organisations;

/// <summary>An admin creates a customer organisation and maps its e-mail domains; members already registered with
/// those addresses join it (through <see cref="AssignOrganisation"/>, as new registrations do).</summary>
public static class CreateOrganisation
{
    [Authorize(Roles = Roles.Admin)]
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

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, IIdentityService identity, IMediator mediator, TimeProvider clock) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var organisation = Organisation.Create(request.Name.Trim(), now);
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var domain in request.DomainList)
            {
                db.OrganisationDomains.Add(OrganisationDomain.Map(domain, organisation.Id));
            }

            await db.SaveChangesAsync(cancellationToken);
            foreach (var domain in request.DomainList)
            {
                foreach (var account in (await identity.FindMembersAsync("@" + domain, 10_000, cancellationToken)).Where(a => OrganisationDomain.OfAddress(a.Email) == domain))
                {
                    await mediator.Send(new AssignOrganisation.Command(account.MemberId, OrganisationSource.EmailDomain, Email: account.Email), cancellationToken);
                }
            }

            await mediator.Publish(new CommunityAdministered(currentUser.MemberId!.Value, ModerationAction.CreateOrganisation, null, null,
                request.DomainList.Count == 0 ? organisation.Name : $"{organisation.Name} ({string.Join(", ", request.DomainList)})", now), cancellationToken);
            return organisation.Id;
        }
    }
}
