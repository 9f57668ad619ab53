using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Application.Common.Validation;
using CommunityHub.Application.Moderation;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Administration;

/// <summary>An admin gives a member exactly the roles ticked (Staff with a title, Executive, Moderator,
/// Admin; Member always). The badge and title on their posts follow at once; the community never loses
/// its last admin.</summary>
public static class SetMemberRoles
{
    [Authorize(Roles = Roles.Admin)]
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

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, IIdentityService identity, TimeProvider clock, IMediator mediator)
        : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            await identity.SerializeRoleChangesAsync(cancellationToken);
            var member = await db.Members.FirstOrDefaultAsync(m => m.Id == request.MemberId, cancellationToken)
                ?? throw new NotFoundException("Member", request.MemberId);
            if (member.FormerAt is not null)
            {
                throw PostingRights.Refusal("This member deleted their account: a former member holds no roles.");
            }

            var current = await identity.RolesOfAsync(member.Id, cancellationToken);
            if (current.Contains(Roles.Admin) && !request.Admin && await identity.CountInRoleAsync(Roles.Admin, cancellationToken) <= 1)
            {
                throw PostingRights.Refusal($"{member.DisplayName} is the community's last admin. Make someone else an admin first.");
            }

            var roles = new List<string>();
            if (request.Staff)
            {
                roles.Add(Roles.Staff);
            }

            if (request.Executive)
            {
                roles.Add(Roles.Executive);
            }

            if (request.Moderator)
            {
                roles.Add(Roles.Moderator);
            }

            if (request.Admin)
            {
                roles.Add(Roles.Admin);
            }

            await identity.SetRolesAsync(member.Id, roles, cancellationToken);
            var badge = request.Executive ? MemberBadge.Executive : request.Staff ? MemberBadge.Staff : MemberBadge.None;
            member.ShowAs(badge, request.Title);
            await db.SaveChangesAsync(cancellationToken);

            var described = roles.Count == 0 ? "Member only" : string.Join(", ", roles.Select(r => r == Roles.Staff && member.Title is { } t ? $"Staff ({t})" : r));
            await mediator.Publish(new MemberModerated(currentUser.MemberId!.Value, member.Id, ModerationAction.ChangeRoles, null, null, described, null, clock.GetUtcNow()), cancellationToken);
            return Unit.Value;
        }
    }
}
