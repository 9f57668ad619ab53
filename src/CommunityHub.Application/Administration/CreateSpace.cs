using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Spaces;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Administration;

/// <summary>An admin opens a new space, with a purpose statement; it goes last on the home page.</summary>
public static class CreateSpace
{
    [Authorize(Powers.Administer)]
    public sealed class Command : ICommand<Result>
    {
        public string Name { get; set; } = string.Empty;

        public string Slug { get; set; } = string.Empty;

        public string Purpose { get; set; } = string.Empty;
    }

    public sealed record Result(int SpaceId, string Slug);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).SpaceName();
            RuleFor(c => c.Slug).SpaceSlug();
            RuleFor(c => c.Purpose).SpacePurpose();
        }
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, IKeys keys, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var slug = request.Slug.Trim();
            if (await db.Spaces.AnyAsync(s => s.Slug == slug, cancellationToken))
            {
                throw new ValidationException([new ValidationFailure(nameof(Command.Slug), "Another space has that address already.")]);
            }

            var last = await db.Spaces.MaxAsync(s => (int?)s.Position, cancellationToken) ?? 0;
            var space = Space.Open(await keys.NewSpaceIdAsync(cancellationToken), request.Name, slug, request.Purpose, last + 1, currentUser.MemberId!.Value, clock.GetUtcNow());
            db.Spaces.Add(space);
            return new Result(space.Id, space.Slug);
        }
    }
}
