using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Persistence;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Administration;

/// <summary>An admin renames a space, changes its address or its purpose statement. An edit made from an
/// out-of-date version (another admin saved meanwhile) is refused instead of overwriting theirs.</summary>
public static class EditSpace
{
    public const string ConflictMessage =
        "Another admin changed this space while you were editing it. What is saved now is shown below: check it, then save again to replace it.";

    [Authorize(Powers.Administer)]
    public sealed class Command : ICommand<CreateSpace.Result>
    {
        public int SpaceId { get; set; }

        public string Name { get; set; } = string.Empty;

        public string Slug { get; set; } = string.Empty;

        public string Purpose { get; set; } = string.Empty;

        /// <summary>The version of the space the edit started from (written into the form).</summary>
        public int Version { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).SpaceName();
            RuleFor(c => c.Slug).SpaceSlug();
            RuleFor(c => c.Purpose).SpacePurpose();
        }
    }

    /// <summary>The form's starting values.</summary>
    [Authorize(Powers.Administer)]
    public sealed record Query(int SpaceId) : IRequest<Command>;

    public sealed class QueryHandler(ICommunityDb db) : IRequestHandler<Query, Command>
    {
        public async Task<Command> Handle(Query request, CancellationToken cancellationToken) =>
            await db.Spaces.AsNoTracking().Where(s => s.Id == request.SpaceId)
                .Select(s => new Command { SpaceId = s.Id, Name = s.Name, Slug = s.Slug, Purpose = s.Purpose, Version = s.Version })
                .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Space", request.SpaceId);
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, UnitOfWork work, TimeProvider clock) : IRequestHandler<Command, CreateSpace.Result>
    {
        public async Task<CreateSpace.Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var space = await db.Spaces.FirstOrDefaultAsync(s => s.Id == request.SpaceId, cancellationToken)
                ?? throw new NotFoundException("Space", request.SpaceId);
            work.ExpectVersion(space, s => s.Version, request.Version, ConflictMessage);
            var slug = request.Slug.Trim();
            if (await db.Spaces.AnyAsync(s => s.Slug == slug && s.Id != space.Id, cancellationToken))
            {
                throw new ValidationException([new ValidationFailure(nameof(Command.Slug), "Another space has that address already.")]);
            }

            space.Edit(request.Name, slug, request.Purpose, currentUser.MemberId!.Value, clock.GetUtcNow());
            return new CreateSpace.Result(space.Id, space.Slug);
        }
    }
}
