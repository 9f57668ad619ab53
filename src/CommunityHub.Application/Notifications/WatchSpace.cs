using CommunityHub.Domain.Threads;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Notifications;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Notifications;

/// <summary>A member watches a whole space (told of each new thread; its best in their digest), or stops.</summary>
public static class WatchSpace
{
    [Authorize]
    public sealed class Command : ICommand<Unit>
    {
        public string Slug { get; set; } = string.Empty;

        public bool Watch { get; set; }
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var me = currentUser.MemberId!.Value;
            var spaceId = await db.Spaces.Where(s => s.Slug == request.Slug).Where(ConversationPolicy.SpaceOpenTo(currentUser.Viewer())).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Space", request.Slug);
            var watch = await db.SpaceWatches.FirstOrDefaultAsync(w => w.MemberId == me && w.SpaceId == spaceId, cancellationToken);
            if (request.Watch && watch is null)
            {
                db.SpaceWatches.Add(SpaceWatch.Create(me, spaceId, clock.GetUtcNow()));
            }
            else if (!request.Watch && watch is not null)
            {
                db.SpaceWatches.Remove(watch);
            }

            return Unit.Value;
        }
    }
}
