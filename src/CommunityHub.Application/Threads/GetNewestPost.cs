using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Threads;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Threads;

/// <summary>The newest post the viewer meets on a thread's page, for live pages: whether a page showing posts up to
/// some id has more to show. The same rules as <see cref="GetThread"/> (the thread open to the viewer, its posts as
/// <see cref="ConversationPolicy.OnThreadPage{TPost}"/> says), so a staff note or a post awaiting approval never moves
/// it for someone who would not meet that post on the page. One statement; 404 when the viewer may not open the thread.</summary>
public static class GetNewestPost
{
    public sealed record Query(long ThreadId) : IRequest<long>;

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser) : IRequestHandler<Query, long>
    {
        public async Task<long> Handle(Query request, CancellationToken cancellationToken)
        {
            var viewer = currentUser.Viewer();
            var onThePage = db.Posts.Where(ConversationPolicy.OnThreadPage<Post>(viewer, spaceEntered: true));
            var thread = await db.Threads.AsNoTracking()
                .Where(ConversationPolicy.ThreadOpenTo(viewer))
                .Where(t => t.Id == request.ThreadId)
                .Select(t => new { Newest = onThePage.Where(p => p.ThreadId == t.Id).Max(p => (long?)p.Id) })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Thread", request.ThreadId);
            return thread.Newest ?? 0;
        }
    }
}
