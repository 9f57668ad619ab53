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

/// <summary>An admin defines a tag ("billing"), optionally in a group, with a description; or changes one.</summary>
public static class DefineTag
{
    [Authorize(Powers.Administer)]
    public sealed class Command : ICommand<string>
    {
        /// <summary>The tag to change; none to define a new one.</summary>
        public int? TagId { get; set; }

        public string Name { get; set; } = string.Empty;

        public string? Description { get; set; }

        public int? GroupId { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(ICommunityDb db)
        {
            RuleFor(c => c.Name).Must(n => Tag.IsValidName(Tag.Normalise(n)))
                .When(c => c.TagId is null)
                .WithMessage($"A tag's name is at most {Tag.NameMaxLength} lower-case letters and digits, with single hyphens or dots between them (\u201cbilling\u201d, \u201cv2.4\u201d).");
            RuleFor(c => c.Name).MustAsync(async (name, ct) => !await db.Tags.AnyAsync(t => t.Name == Tag.Normalise(name), ct))
                .When(c => c.TagId is null && Tag.IsValidName(Tag.Normalise(c.Name)))
                .WithMessage("There is a tag of that name already.");
            RuleFor(c => c.Description).MaximumLength(Tag.DescriptionMaxLength)
                .WithMessage($"A description is at most {Tag.DescriptionMaxLength} characters.");
            RuleFor(c => c.GroupId).MustAsync(async (id, ct) => await db.TagGroups.AnyAsync(g => g.Id == id, ct))
                .When(c => c.GroupId is not null)
                .WithMessage("That tag group does not exist.");
        }
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, IKeys keys, TimeProvider clock) : IRequestHandler<Command, string>
    {
        public async Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            var admin = currentUser.MemberId!.Value;
            if (request.TagId is { } id)
            {
                var tag = await db.Tags.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw new NotFoundException("Tag", id);
                tag.Edit(request.Description, request.GroupId, admin, clock.GetUtcNow());
                return tag.Name;
            }

            var created = Tag.Define(await keys.NewTagIdAsync(cancellationToken), request.Name, request.Description, request.GroupId, admin, clock.GetUtcNow());
            db.Tags.Add(created);
            return created.Name;
        }
    }
}
