using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Threads;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Threads;

/// <summary>Where a post (or, with no post, a thread) lives now, for a page that knows only an id and must link back
/// to it (a refused action's "Back to the thread"). Only what the reader may see on a thread page is found.</summary>
public static class LocatePost
{
    public sealed record Query(long? PostId, long? ThreadId = null) : IRequest<Location>;

    /// <param name="PostId">Null when only the thread was asked for.</param>
    public sealed record Location(long? PostId, long ThreadId, string SpaceSlug);

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser) : IRequestHandler<Query, Location>
    {
        public async Task<Location> Handle(Query request, CancellationToken cancellationToken)
        {
            var threadId = request.ThreadId;
            if (request.PostId is { } postId)
            {
                threadId = await db.Posts.Where(ConversationPolicy.OnThreadPage<Post>(currentUser.Viewer()))
                    .Where(p => p.Id == postId).Select(p => (long?)p.ThreadId).FirstOrDefaultAsync(cancellationToken)
                    ?? throw new NotFoundException("Post", postId);
            }

            var slug = await db.Threads.Where(t => t.Id == threadId).Join(db.Spaces, t => t.SpaceId, s => s.Id, (t, s) => s.Slug)
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Thread", threadId ?? 0);
            return new Location(request.PostId, threadId!.Value, slug);
        }
    }
}
