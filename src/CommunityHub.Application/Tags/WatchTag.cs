using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Tags;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tags;

/// <summary>A member watches a tag (told of each new thread carrying it; its best in their digest), or stops.</summary>
public static class WatchTag
{
    [Authorize]
    public sealed class Command : ICommand<Unit>
    {
        public string Tag { get; set; } = string.Empty;

        public bool Watch { get; set; }
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var me = currentUser.MemberId!.Value;
            var name = Tag.Normalise(request.Tag);
            var tagId = await db.Tags.Where(t => t.Name == name).Select(t => (int?)t.Id).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Tag", name);
            var watch = await db.TagWatches.FirstOrDefaultAsync(w => w.MemberId == me && w.TagId == tagId, cancellationToken);
            if (request.Watch && watch is null)
            {
                db.TagWatches.Add(TagWatch.Create(me, tagId, clock.GetUtcNow()));
            }
            else if (!request.Watch && watch is not null)
            {
                db.TagWatches.Remove(watch);
            }

            return Unit.Value;
        }
    }
}
