using CommunityHub.Domain.Common;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Application.Common.Validation;
using CommunityHub.Domain.Members;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Administration;

/// <summary>An admin gives a member exactly the roles ticked (Staff with a title, Executive, Moderator,
/// Admin; Member always). The badge and title on their posts follow at once; the community never loses
/// its last admin.</summary>
public static class SetMemberRoles
{
    [Authorize(Powers.Administer)]
    public sealed class Command : ICommand<Unit>
    {
        public Guid MemberId { get; set; }

        public bool Staff { get; set; }

        public bool Executive { get; set; }

        public bool Moderator { get; set; }

        public bool Admin { get; set; }

        /// <summary>Shown beside a staff member's or executive's name, e.g. "Product Manager".</summary>
        public string? Title { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Title)
                .Must(title => title is null || title.Trim().Length <= Member.TitleMaxLength)
                .WithMessage($"A title can be at most {Member.TitleMaxLength} characters.")
                .StorableText()
                .Must(string.IsNullOrWhiteSpace).When(c => !c.Staff && !c.Executive, ApplyConditionTo.CurrentValidator)
                .WithMessage("A title goes with the Staff or Executive role: tick one, or leave the title empty.");
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, IIdentityService identity, TimeProvider clock)
        : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            await identity.SerializeRoleChangesAsync(cancellationToken);
            var member = await db.Members.FirstOrDefaultAsync(m => m.Id == request.MemberId, cancellationToken)
                ?? throw new NotFoundException("Member", request.MemberId);
            var current = await identity.RolesOfAsync(member.Id, cancellationToken);
            if (current.Contains(Roles.Admin) && !request.Admin && await identity.CountInRoleAsync(Roles.Admin, cancellationToken) <= 1)
            {
                throw new DomainException($"{member.DisplayName} is the community's last admin. Make someone else an admin first.");
            }

            List<string> roles = [];
            foreach (var (held, role) in new[] { (request.Staff, Roles.Staff), (request.Executive, Roles.Executive), (request.Moderator, Roles.Moderator), (request.Admin, Roles.Admin) })
            {
                if (held)
                {
                    roles.Add(role);
                }
            }

            member.HoldRoles(currentUser.Viewer(), roles, request.Title, clock.GetUtcNow());
            await identity.SetRolesAsync(member.Id, roles, cancellationToken);
            return Unit.Value;
        }
    }
}
