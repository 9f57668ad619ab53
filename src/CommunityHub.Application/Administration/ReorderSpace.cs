using CommunityHub.Domain.Spaces;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Administration;

/// <summary>An admin moves a space one place up or down the home page. Positions are renumbered 1..n
/// each time, so gaps and ties left by earlier data disappear.</summary>
public static class ReorderSpace
{
    [Authorize(Powers.Administer)]
    public sealed class Command : ICommand<Unit>
    {
        public int SpaceId { get; set; }

        /// <summary>-1 moves it up (earlier), +1 down.</summary>
        public int By { get; set; }
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var spaces = await db.Spaces.OrderBy(s => s.Position).ThenBy(s => s.Name).ToListAsync(cancellationToken);
            var moving = spaces.Find(s => s.Id == request.SpaceId) ?? throw new NotFoundException("Space", request.SpaceId);
            Space.Reorder(spaces, moving, request.By, currentUser.MemberId!.Value, clock.GetUtcNow());
            return Unit.Value;
        }
    }
}
