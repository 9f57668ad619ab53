using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Groups;

/// <summary>An admin restricts a space to groups (its threads and posts then exist only for their members and the
/// staff side), or opens it to everyone again with none.</summary>
public static class RestrictSpace
{
    [Authorize(Powers.Administer)]
    public sealed class Command : ICommand<Unit>
    {
        public int SpaceId { get; set; }

        public IReadOnlyList<int> GroupIds { get; set; } = [];

        /// <summary>Everyone, signed-in members, or the groups in <see cref="GroupIds"/>; null: the groups when any are
        /// given, else everyone (as the form asked before members-only spaces).</summary>
        public Domain.Spaces.SpaceAudience? Audience { get; set; }
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var space = await db.Spaces.Include(s => s.Access).FirstOrDefaultAsync(s => s.Id == request.SpaceId, cancellationToken)
                ?? throw new NotFoundException("Space", request.SpaceId);
            var audience = request.Audience ?? (request.GroupIds.Count > 0 ? Domain.Spaces.SpaceAudience.Groups : Domain.Spaces.SpaceAudience.Everyone);
            var wanted = audience == Domain.Spaces.SpaceAudience.Groups ? request.GroupIds.Distinct().ToList() : [];
            var groups = await db.Groups.Where(g => wanted.Contains(g.Id)).ToListAsync(cancellationToken);
            if (groups.Count != wanted.Count)
            {
                throw new NotFoundException("Group", string.Join(",", wanted.Except(groups.Select(g => g.Id))));
            }

            space.OpenTo(audience, groups, currentUser.MemberId!.Value, clock.GetUtcNow());
            return Unit.Value;
        }
    }
}
