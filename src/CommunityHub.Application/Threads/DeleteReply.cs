using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Threads;

/// <summary>An author takes back one of their replies. Soft: the reply stays in place as "removed" so the replies
/// to it keep their context, and it drops out of search, feeds, notifications and digests. Only the author may;
/// an opening post cannot be deleted this way (it carries the thread).</summary>
public static class DeleteReply
{
    [Authorize]
    public sealed record Command(long ThreadId, long PostId) : ICommand<Result>;

    /// <summary>Where the removed reply stands, for the page to go back to.</summary>
    public sealed record Result(long PostId, long ThreadId, string SpaceSlug);

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var found = await (
                    from p in db.Posts
                    join t in db.Threads on p.ThreadId equals t.Id
                    join s in db.Spaces on t.SpaceId equals s.Id
                    where p.Id == request.PostId && p.ThreadId == request.ThreadId
                    select new { Post = p, Thread = t, s.Slug })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Post", request.PostId);
            found.Thread.DeleteReply(found.Post, currentUser.Viewer(), clock.GetUtcNow());
            return new Result(found.Post.Id, found.Thread.Id, found.Slug);
        }
    }
}
