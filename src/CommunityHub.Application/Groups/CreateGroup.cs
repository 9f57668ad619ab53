using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Groups;
using CommunityHub.Domain.Members;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Groups;

/// <summary>An admin creates a member group ("Beta programme"), to restrict spaces to it.</summary>
public static class CreateGroup
{
    [Authorize(Powers.Administer)]
    public sealed class Command : ICommand<int>
    {
        public string Name { get; set; } = string.Empty;

        public string? Description { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(ICommunityDb db)
        {
            RuleFor(c => c.Name).NotEmpty().WithMessage("Name the group.")
                .MaximumLength(MemberGroup.NameMaxLength).WithMessage($"A group's name is at most {MemberGroup.NameMaxLength} characters.")
                .MustAsync(async (name, ct) => !await db.Groups.AnyAsync(g => g.Name == name.Trim(), ct)).WithMessage("There is a group of that name already.");
            RuleFor(c => c.Description).MaximumLength(MemberGroup.DescriptionMaxLength)
                .WithMessage($"A description is at most {MemberGroup.DescriptionMaxLength} characters.");
        }
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, IKeys keys, TimeProvider clock) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var group = MemberGroup.Create(await keys.NewGroupIdAsync(cancellationToken), request.Name, request.Description ?? string.Empty, currentUser.MemberId!.Value, clock.GetUtcNow());
            db.Groups.Add(group);
            return group.Id;
        }
    }
}
