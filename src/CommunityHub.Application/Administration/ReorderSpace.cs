using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Application.Moderation;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Administration;

/// <summary>An admin moves a space one place up or down the home page. Positions are renumbered 1..n
/// each time, so gaps and ties left by earlier data disappear.</summary>
public static class ReorderSpace
{
    [Authorize(Roles = Roles.Admin)]
    public sealed class Command : ICommand<Unit>
    {
        public int SpaceId { get; set; }

        /// <summary>-1 moves it up (earlier), +1 down.</summary>
        public int By { get; set; }
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock, IMediator mediator) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            if (request.By is not (-1 or 1))
            {
                throw PostingRights.Refusal("A space moves one place up or down at a time.");
            }

            var spaces = await db.Spaces.OrderBy(s => s.Position).ThenBy(s => s.Name).ToListAsync(cancellationToken);
            var index = spaces.FindIndex(s => s.Id == request.SpaceId);
            if (index < 0)
            {
                throw new NotFoundException("Space", request.SpaceId);
            }

            var target = index + request.By;
            if (target < 0 || target >= spaces.Count)
            {
                throw PostingRights.Refusal($"{spaces[index].Name} is {(request.By < 0 ? "first" : "last")} already.");
            }

            (spaces[index], spaces[target]) = (spaces[target], spaces[index]);
            for (var i = 0; i < spaces.Count; i++)
            {
                spaces[i].MoveTo(i + 1);
            }

            await db.SaveChangesAsync(cancellationToken);
            await mediator.Publish(
                new CommunityAdministered(currentUser.MemberId!.Value, ModerationAction.ReorderSpaces, request.SpaceId, null,
                    $"{spaces[target].Name} moved {(request.By < 0 ? "up" : "down")} to place {target + 1}", clock.GetUtcNow()),
                cancellationToken);
            return Unit.Value;
        }
    }
}
