using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Tags;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tags;

/// <summary>An admin creates a tag group (Product, Version, Topic), or changes one, and says in which spaces every
/// new thread must carry one of its tags.</summary>
public static class DefineTagGroup
{
    [Authorize(Powers.Administer)]
    public sealed class Command : ICommand<int>
    {
        /// <summary>The group to change; none to create a new one.</summary>
        public int? GroupId { get; set; }

        public string Name { get; set; } = string.Empty;

        public string? Description { get; set; }

        /// <summary>The spaces where a new thread must carry a tag of this group.</summary>
        public IList<int> RequiredInSpaceIds { get; set; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(ICommunityDb db)
        {
            RuleFor(c => c.Name).NotEmpty().WithMessage("Name the tag group.")
                .MaximumLength(TagGroup.NameMaxLength).WithMessage($"A tag group's name is at most {TagGroup.NameMaxLength} characters.");
            RuleFor(c => c).MustAsync(async (c, ct) => !await db.TagGroups.AnyAsync(g => g.Name == c.Name.Trim() && g.Id != c.GroupId, ct))
                .When(c => !string.IsNullOrWhiteSpace(c.Name))
                .OverridePropertyName(nameof(Command.Name))
                .WithMessage("There is a tag group of that name already.");
            RuleFor(c => c.Description).MaximumLength(TagGroup.DescriptionMaxLength)
                .WithMessage($"A description is at most {TagGroup.DescriptionMaxLength} characters.");
            RuleFor(c => c.RequiredInSpaceIds).MustAsync(async (ids, ct) => ids.Count <= 200 && await db.Spaces.CountAsync(s => ids.Contains(s.Id), ct) == ids.Distinct().Count())
                .WithMessage("One of those spaces does not exist.");
        }
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, IKeys keys, TimeProvider clock) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var admin = currentUser.MemberId!.Value;
            var spaces = request.RequiredInSpaceIds.Distinct().ToList();
            if (request.GroupId is { } id)
            {
                var group = await db.TagGroups.Include(g => g.RequiredIn).FirstOrDefaultAsync(g => g.Id == id, cancellationToken) ?? throw new NotFoundException("Tag group", id);
                group.Edit(request.Name, request.Description, spaces, admin, clock.GetUtcNow());
                return group.Id;
            }

            var created = TagGroup.Create(await keys.NewTagGroupIdAsync(cancellationToken), request.Name, request.Description, spaces, admin, clock.GetUtcNow());
            db.TagGroups.Add(created);
            return created.Id;
        }
    }
}
