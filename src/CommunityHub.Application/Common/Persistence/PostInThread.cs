using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Domain.Threads;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Common.Persistence;

/// <summary>A post with the thread that guards it (both tracked, to change through the thread), and where the
/// thread lives: what every use case that acts on one post loads, in one statement.</summary>
public sealed record PostInThread(Post Post, DiscussionThread Thread, string SpaceSlug)
{
    public static async Task<PostInThread> FindAsync(ICommunityDb db, long postId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await (
                from p in db.Posts
                join t in db.Threads on p.ThreadId equals t.Id
                join s in db.Spaces on t.SpaceId equals s.Id
                where p.Id == postId
                select new PostInThread(p, t, s.Slug))
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Post", postId);
    }
}
