using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Groups;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Registration;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Groups;

/// <summary>An admin sets who joins a group by themselves: members with a confirmed address at some e-mail domains
/// ("Enterprise customers": their companies' domains), and members whose sign-in provider puts them in a group of its
/// own. The rules apply at once to everyone they concern, and later to each member as their address is confirmed or
/// they sign in.</summary>
public static class SetGroupJoining
{
    [Authorize(Powers.Administer)]
    public sealed class Command : ICommand<Unit>
    {
        public int GroupId { get; set; }

        /// <summary>One domain per line (or separated by commas or spaces), like example.com; empty for none.</summary>
        public string? EmailDomains { get; set; }

        /// <summary>The provider's groups claim value that puts a member in, like "beta-testers"; empty for none.</summary>
        public string? SignInGroup { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.EmailDomains).Custom((text, context) =>
            {
                try
                {
                    Domain.Registration.EmailDomains.Parse(text);
                }
                catch (DomainException refused)
                {
                    context.AddFailure(nameof(Command.EmailDomains), refused.Message);
                }
            });
            RuleFor(c => c.SignInGroup).MaximumLength(MemberGroup.SignInGroupMaxLength)
                .WithMessage($"A sign-in group is at most {MemberGroup.SignInGroupMaxLength} characters.");
        }
    }

    public sealed class Handler(ICommunityDb db, IIdentityService identity, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var group = await db.Groups.Include(g => g.Members).FirstOrDefaultAsync(g => g.Id == request.GroupId, cancellationToken)
                ?? throw new NotFoundException("Group", request.GroupId);
            var now = clock.GetUtcNow();
            var signInGroupBefore = group.SignInGroup;
            var domains = EmailDomains.Parse(request.EmailDomains);
            group.JoinBy(domains, request.SignInGroup?.Trim(), currentUser.MemberId!.Value, now);

            // Everyone the rules concern: the members at the domains now, and those who joined by a rule before.
            var atDomains = await identity.ConfirmedAddressesAtAsync(domains.Domains, cancellationToken);
            var concerned = atDomains.Keys
                .Concat(group.Members.Where(m => m.Source != GroupSource.Admin).Select(m => m.MemberId))
                .Distinct()
                .ToList();
            // Members who joined at sign-in under another sign-in group are out until a sign-in says they are in the
            // new one; under the same one, nothing is known about them now and they stay.
            IReadOnlyCollection<string>? signInGroups = group.SignInGroup == signInGroupBefore ? null : [];
            foreach (var memberId in concerned)
            {
                group.Follow(memberId, atDomains.GetValueOrDefault(memberId), signInGroups, now);
            }

            return Unit.Value;
        }
    }
}
