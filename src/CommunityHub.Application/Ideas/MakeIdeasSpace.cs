using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Ideas;

/// <summary>An admin makes a space an Ideas space, or an ordinary one again.</summary>
public static class MakeIdeasSpace
{
    [Authorize(Powers.Administer)]
    public sealed class Command : ICommand<Unit>
    {
        public int SpaceId { get; set; }

        public bool Ideas { get; set; }
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var space = await db.Spaces.FirstOrDefaultAsync(s => s.Id == request.SpaceId, cancellationToken)
                ?? throw new NotFoundException("Space", request.SpaceId);
            space.HoldIdeas(request.Ideas, currentUser.MemberId!.Value, clock.GetUtcNow());
            return Unit.Value;
        }
    }
}
